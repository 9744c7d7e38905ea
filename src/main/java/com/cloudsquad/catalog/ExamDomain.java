package com.cloudsquad.catalog;

/** A content domain of an exam with its official weight (the weights of one exam add up to 100). */
public record ExamDomain(long id, long certificationId, int position, String name, int weightPercent) {}
