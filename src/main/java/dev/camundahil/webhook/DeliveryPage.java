package dev.camundahil.webhook;

import java.util.List;

/**
 * One page of a webhook's deliveries, newest first.
 */
record DeliveryPage(List<DeliveryView> items, int page, int size, long total) {
}
