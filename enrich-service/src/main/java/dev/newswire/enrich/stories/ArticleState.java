package dev.newswire.enrich.stories;

import java.time.Instant;

/**
 * What the {@value StoryStores#ARTICLES} store keeps per assigned article: its assignment (so a
 * record seen again, on replay or redelivery, gets the same answer and is not counted twice) and
 * its MinHash signature (to find later copies of it).
 *
 * @param signature null when the text is too short to have one
 */
record ArticleState(String storyId, String duplicateOf, Instant time, int[] signature) {
}
