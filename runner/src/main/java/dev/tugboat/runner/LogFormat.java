package dev.tugboat.runner;

/** How log lines look on standard error: for people, or one JSON object a line for collectors. */
public enum LogFormat {
  text,
  json
}
