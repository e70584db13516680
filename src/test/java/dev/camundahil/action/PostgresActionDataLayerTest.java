package dev.camundahil.action;

import dev.camundahil.support.PostgresTest;

@PostgresTest
class PostgresActionDataLayerTest extends ActionDataLayerContract {

}
