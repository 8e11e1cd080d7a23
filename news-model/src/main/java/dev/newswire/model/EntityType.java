package dev.newswire.model;

/** The CoNLL/MUC entity classes Newswire reports. */
public enum EntityType {
    PERSON, ORGANIZATION, LOCATION, MISC
}
