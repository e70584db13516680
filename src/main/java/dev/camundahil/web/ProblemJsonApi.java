package dev.camundahil.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a HIL controller whose failures become the API's problem JSON, with the same mapping as the actions API
 * (404, 409, 400, 413, malformed and strict bodies).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProblemJsonApi {

}
