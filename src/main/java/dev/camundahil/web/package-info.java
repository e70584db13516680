/**
 * What every HIL endpoint shares: problem JSON ({@link dev.camundahil.web.ProblemJsonHandler}, {@link
 * dev.camundahil.web.ProblemWriter}), the plugin's own JSON ({@link dev.camundahil.web.HilJson}, {@link
 * dev.camundahil.web.HilJsonConverter}), strict request bodies and the 404/405/415 of paths under {@code /api/v1}.
 * Uses no feature package, so that every feature may use it.
 */
package dev.camundahil.web;
