package dev.tugboat.samples.sandbox;

import java.util.List;

/**
 * One page of a LIST answer.
 *
 * @param continueToken null on the last page
 * @param remainingItemCount how many objects follow this page; null when unknown (selectors) or on
 *     the last page
 */
record ListPage(
    List<StoredObject> items,
    long resourceVersion,
    String continueToken,
    Long remainingItemCount) {}
