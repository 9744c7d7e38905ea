package com.cloudsquad.bank;

/** Someone else saved the question since this edit began (optimistic locking). */
public class QuestionChangedException extends RuntimeException {

    public QuestionChangedException(long id) {
        super("Question " + id + " was changed by someone else");
    }
}
