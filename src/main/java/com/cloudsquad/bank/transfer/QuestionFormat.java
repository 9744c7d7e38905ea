package com.cloudsquad.bank.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** One interchange format: CSV, our JSON, GIFT or Moodle XML. Implementations are stateless. */
public interface QuestionFormat {

    /** Short id used in URLs and forms: "csv", "json", "gift", "moodle-xml". */
    String id();

    /** File name extension for downloads, without the dot. */
    String extension();

    String mediaType();

    /**
     * Reads a whole file. Never throws for bad content: a malformed file gives one error (with
     * the line where possible) and a malformed question gives one error naming it, and the
     * other questions are still read.
     */
    ParsedFile parse(InputStream in) throws IOException;

    void write(List<QuestionData> questions, OutputStream out) throws IOException;
}
