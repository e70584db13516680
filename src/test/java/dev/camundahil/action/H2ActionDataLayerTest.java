package dev.camundahil.action;

import dev.camundahil.support.H2Test;

@H2Test
class H2ActionDataLayerTest extends ActionDataLayerContract {

}
