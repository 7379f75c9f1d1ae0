package dev.tugboat.runner;

/** How a command prints its result: for people, or for scripts. */
public enum OutputFormat {
  text,
  json
}
