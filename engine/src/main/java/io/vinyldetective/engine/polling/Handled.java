package io.vinyldetective.engine.polling;

/** What happened to one listing of a poll. */
enum Handled {
    /** Dealt with: mark it seen. */
    DONE,
    /** Could not be dealt with now (the oracle or a tier was unavailable): keep it for the next turn. */
    RETRY
}
