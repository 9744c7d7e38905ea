package com.cloudsquad.exam;

/** The bank holds too few published questions for the attempt asked for. */
public class NotEnoughQuestionsException extends RuntimeException {

    public NotEnoughQuestionsException(String certification, int wanted, int found) {
        super("The question bank has only " + found + " published " + certification + " questions; this test needs "
                + wanted + ".");
    }
}
