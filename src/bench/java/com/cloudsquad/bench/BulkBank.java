package com.cloudsquad.bench;

import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.ExamDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Generates a large, varied question bank straight in SQL (multi-row inserts), for benchmarks. */
public final class BulkBank {

    static final String[] SERVICES = {"s3", "ec2", "kms", "iam", "vpc", "rds", "dynamodb", "lambda", "cloudfront", "sqs"
    };
    static final String[] WORDS = {
        "encryption", "bucket", "latency", "replica", "failover", "subnet", "policy", "throughput", "archive",
        "cache", "queue", "snapshot", "region", "endpoint", "budget", "lifecycle", "rotation", "gateway"
    };

    private BulkBank() {}

    static void fill(JdbcClient jdbc, Catalog catalog, int count) {
        List<ExamDomain> domains = new ArrayList<>();
        catalog.certifications().forEach(c -> domains.addAll(c.domains()));
        fill(jdbc, domains, count);
    }

    /** {@code count} questions spread over these domains (80 % published). */
    public static void fill(JdbcClient jdbc, List<ExamDomain> domains, int count) {
        Random random = new Random(42);
        int batch = 1_000;
        for (int done = 0; done < count; done += batch) {
            int n = Math.min(batch, count - done);
            long firstId = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM question")
                    .query(Long.class)
                    .single();
            StringBuilder questions = new StringBuilder(
                    "INSERT INTO question (id, certification_id, domain_id, difficulty, multiple_response, stem, status,"
                            + " version_count, random_key, created_at, updated_at) VALUES ");
            StringBuilder versions = new StringBuilder(
                    "INSERT INTO question_version (id, question_id, version_no, domain_id, difficulty, stem, explanation,"
                            + " refs, tags, created_at) VALUES ");
            StringBuilder options = new StringBuilder(
                    "INSERT INTO question_option (version_id, position, text, correct, explanation) VALUES ");
            StringBuilder tags = new StringBuilder("INSERT INTO question_tag (question_id, tag) VALUES ");
            for (int i = 0; i < n; i++) {
                long id = firstId + i;
                ExamDomain domain = domains.get(random.nextInt(domains.size()));
                int difficulty = 1 + random.nextInt(3);
                String stem = stem(random, id);
                String status = random.nextInt(10) < 8 ? "PUBLISHED" : random.nextBoolean() ? "DRAFT" : "RETIRED";
                String tag = SERVICES[random.nextInt(SERVICES.length)];
                String sep = i == 0 ? "" : ",";
                questions
                        .append(sep)
                        .append(String.format(
                                "(%d,%d,%d,%d,FALSE,'%s','%s',1,%f,NOW(6) - INTERVAL %d SECOND,NOW(6) - INTERVAL %d SECOND)",
                                id,
                                domain.certificationId(),
                                domain.id(),
                                difficulty,
                                stem,
                                status,
                                random.nextDouble(),
                                id,
                                id));
                versions.append(sep)
                        .append(String.format(
                                "(%d,%d,1,%d,%d,'%s','Generated for benchmarks.','https://docs.aws.amazon.com/','%s',NOW(6))",
                                id, id, domain.id(), difficulty, stem, tag));
                for (int o = 0; o < 4; o++) {
                    options.append(i == 0 && o == 0 ? "" : ",")
                            .append(String.format(
                                    "(%d,%d,'Option %d of question %d',%s,'Because.')",
                                    id, o, o, id, o == 0 ? "TRUE" : "FALSE"));
                }
                tags.append(sep).append(String.format("(%d,'%s')", id, tag));
            }
            jdbc.sql(questions.toString()).update();
            jdbc.sql(versions.toString()).update();
            jdbc.sql(options.toString()).update();
            jdbc.sql(tags.toString()).update();
            jdbc.sql("UPDATE question SET current_version_id = id WHERE id >= ? AND current_version_id IS NULL")
                    .param(firstId)
                    .update();
            // as V13: a version that was ever live is published (attempts only show those)
            jdbc.sql("""
                            UPDATE question_version v JOIN question q ON q.id = v.question_id
                            SET v.published_at = v.created_at WHERE q.id >= ? AND q.status <> 'DRAFT'""").param(firstId).update();
        }
    }

    static String stem(Random random, long id) {
        StringBuilder stem = new StringBuilder("Question ").append(id).append(':');
        for (int w = 0; w < 25; w++) {
            stem.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return stem.append('?').toString();
    }

    /** A JSON import file of {@code count} valid SAA-C03 questions. */
    static String json(int count, Random random) {
        String[] domains = {
            "Design Secure Architectures", "Design Resilient Architectures",
            "Design High-Performing Architectures", "Design Cost-Optimized Architectures"
        };
        StringBuilder json = new StringBuilder("{\"format\":\"cloudsquad-questions\",\"version\":1,\"questions\":[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",")
                    .append(String.format(
                            """
                    {"certification":"SAA-C03","domain":"%s","stem":"%s","options":[
                    {"text":"Right %d","correct":true,"explanation":"Because it is right."},
                    {"text":"Wrong a %d","correct":false,"explanation":"Because it is wrong."},
                    {"text":"Wrong b %d","correct":false,"explanation":"Because it is wrong."},
                    {"text":"Wrong c %d","correct":false,"explanation":"Because it is wrong."}],
                    "explanation":"Imported for benchmarks.","references":["https://docs.aws.amazon.com/"],
                    "difficulty":%d,"tags":["%s"],"status":"DRAFT"}""",
                            domains[random.nextInt(domains.length)],
                            stem(random, i).replace("Question", "Imported"),
                            i,
                            i,
                            i,
                            i,
                            1 + random.nextInt(3),
                            SERVICES[random.nextInt(SERVICES.length)]));
        }
        return json.append("]}").toString();
    }
}
