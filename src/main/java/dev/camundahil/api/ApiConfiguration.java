package dev.camundahil.api;

import dev.camundahil.web.ApiPathProblems;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The HIL REST API under {@code /api/v1}, in web applications only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ ActionController.class, ApiProblems.class, ApiPathProblems.class })
class ApiConfiguration {

}
