package dev.tugboat.core.cluster;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * One page of a LIST answer, as {@link PagedListFetcher} returns it.
 *
 * @param items the objects of the page, in server order, each with {@code apiVersion} and {@code
 *     kind} set
 * @param continueToken the token that loads the next page, or {@code null} on the last page
 */
record PagedListPage(List<JsonObject> items, String continueToken) {

  PagedListPage {
    items = List.copyOf(items);
  }
}
