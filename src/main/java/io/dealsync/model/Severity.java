package io.dealsync.model;

/** ERROR rejects the record; WARNING is reported and the record is still stored. */
public enum Severity {
    ERROR, WARNING
}
