package dev.tugboat.backup.related;

import java.util.List;

/**
 * What {@link RelatedItemsCollector#collect} staged.
 *
 * @param chunks the chunks of the target segment, numbered from 0
 * @param items the objects in them
 * @param problems the related objects that could not be read, in the order met
 */
public record RelatedItems(int chunks, long items, List<Problem> problems) {

  public RelatedItems {
    problems = List.copyOf(problems);
  }
}
