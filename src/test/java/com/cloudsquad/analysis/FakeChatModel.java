package com.cloudsquad.analysis;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * A chat model for tests: answers from a script (texts or failures, in order), then a valid report;
 * remembers every prompt; can be held so a test sees the report pending.
 */
class FakeChatModel implements ChatModel {

    static final String VALID_REPORT = """
            {"summary": "Solid in Domain 1, weak in Domain 4 <b>bold</b>.",
             "strengths": ["Domain 1"],
             "weakAreas": [{"area": "Domain 4", "reason": "0 of 1 right"}],
             "studyPlan": [
               {"day": 1, "focus": "Domain 4", "actions": ["Read the S3 user guide"]},
               {"day": 2, "focus": "Domain 3", "actions": ["Build a VPC"]},
               {"day": 3, "focus": "Domain 2", "actions": ["Practise 10 questions"]},
               {"day": 4, "focus": "Domain 4", "actions": ["Read about KMS"]},
               {"day": 5, "focus": "Domain 3", "actions": ["Lab: Auto Scaling"]},
               {"day": 6, "focus": "Review", "actions": ["Missed questions"]},
               {"day": 7, "focus": "Test", "actions": ["Readiness test"]}],
             "docsToRead": [
               {"title": "S3 guide", "url": "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html"},
               {"title": "Evil", "url": "https://evil.example/aws"},
               {"title": "Lookalike", "url": "https://docs.aws.amazon.com.evil.example/x"}],
             "readiness": "AI says: not yet ready."}""";

    final ConcurrentLinkedDeque<Supplier<String>> script = new ConcurrentLinkedDeque<>();
    final ConcurrentLinkedDeque<String> prompts = new ConcurrentLinkedDeque<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    void reset() {
        script.clear();
        prompts.clear();
        release();
    }

    void answer(String text) {
        script.add(() -> text);
    }

    void fail(RuntimeException e) {
        script.add(() -> {
            throw e;
        });
    }

    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        prompts.add(prompt.getContents());
        try {
            gate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Supplier<String> next = script.poll();
        String text = next == null ? VALID_REPORT : next.get();
        return new ChatResponse(
                List.of(new Generation(new AssistantMessage(text))),
                ChatResponseMetadata.builder()
                        .usage(new DefaultUsage(1200, 800))
                        .build());
    }
}
