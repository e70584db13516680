package dev.camundahil.api;

import java.util.List;

import dev.camundahil.action.ActionView;

/**
 * One page of actions, newest first.
 */
record ActionPage(List<ActionView> items, int page, int size, long total) {
}
