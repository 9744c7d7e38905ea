CREATE TABLE certification (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    code                VARCHAR(20)  NOT NULL,
    name                VARCHAR(120) NOT NULL,
    -- the real exam (mock exams copy it)
    exam_questions      INT          NOT NULL,
    exam_minutes        INT          NOT NULL,
    passing_score       INT          NOT NULL, -- on AWS's scaled 100-1000
    -- the readiness test of this product
    readiness_questions INT          NOT NULL DEFAULT 30,
    readiness_minutes   INT          NOT NULL DEFAULT 30,
    PRIMARY KEY (id),
    CONSTRAINT certification_code_uk UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE exam_domain (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    certification_id BIGINT       NOT NULL,
    position         INT          NOT NULL,
    name             VARCHAR(120) NOT NULL,
    weight_percent   INT          NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT exam_domain_name_uk UNIQUE (certification_id, name),
    CONSTRAINT exam_domain_certification_fk FOREIGN KEY (certification_id) REFERENCES certification (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- From the official exam guides (EXAM-FACTS.md): current weights, not the SAA-C02/CLF-C01 ones.
INSERT INTO certification (code, name, exam_questions, exam_minutes, passing_score)
VALUES ('SAA-C03', 'AWS Certified Solutions Architect – Associate', 65, 130, 720),
       ('CLF-C02', 'AWS Certified Cloud Practitioner', 65, 90, 700);

INSERT INTO exam_domain (certification_id, position, name, weight_percent)
SELECT id, 1, 'Design Secure Architectures', 30 FROM certification WHERE code = 'SAA-C03'
UNION ALL SELECT id, 2, 'Design Resilient Architectures', 26 FROM certification WHERE code = 'SAA-C03'
UNION ALL SELECT id, 3, 'Design High-Performing Architectures', 24 FROM certification WHERE code = 'SAA-C03'
UNION ALL SELECT id, 4, 'Design Cost-Optimized Architectures', 20 FROM certification WHERE code = 'SAA-C03'
UNION ALL SELECT id, 1, 'Cloud Concepts', 24 FROM certification WHERE code = 'CLF-C02'
UNION ALL SELECT id, 2, 'Security and Compliance', 30 FROM certification WHERE code = 'CLF-C02'
UNION ALL SELECT id, 3, 'Cloud Technology and Services', 34 FROM certification WHERE code = 'CLF-C02'
UNION ALL SELECT id, 4, 'Billing, Pricing, and Support', 12 FROM certification WHERE code = 'CLF-C02';
