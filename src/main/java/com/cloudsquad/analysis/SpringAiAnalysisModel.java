package com.cloudsquad.analysis;

import io.micrometer.core.instrument.Timer;
import java.util.List;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.converter.BeanOutputConverter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * {@link AnalysisModel} on Spring AI: a {@link ChatModel} (Bedrock Converse when {@code
 * app.analysis.bedrock.enabled=true}) asked for structured output into our records. Absent a
 * chat model it is unavailable and the fallback analyst writes every report.
 */
@Component
class SpringAiAnalysisModel implements AnalysisModel {

    private static final ParameterizedTypeReference<List<DraftedQuestion>> DRAFTS =
            new ParameterizedTypeReference<>() {};

    private final ChatModel chatModel;
    private final ChatClient chat;
    private final String modelId;
    private final AnalysisMetrics metrics;

    SpringAiAnalysisModel(ObjectProvider<ChatModel> chatModel, AnalysisProperties properties, AnalysisMetrics metrics) {
        this.chatModel = chatModel.getIfAvailable();
        this.chat = this.chatModel == null ? null : ChatClient.create(this.chatModel);
        this.modelId = properties.bedrock().modelId();
        this.metrics = metrics;
    }

    @Override
    public boolean available() {
        return chat != null;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public Answer<AnalysisReport> writeReport(AnalysisFacts facts) {
        return call(
                "report",
                AnalysisPrompts.REPORT_SYSTEM,
                AnalysisPrompts.reportFacts(facts),
                new BeanOutputConverter<>(AnalysisReport.class));
    }

    @Override
    public Answer<List<DraftedQuestion>> draftQuestions(DraftRequest request) {
        return call(
                "draft",
                AnalysisPrompts.DRAFT_SYSTEM,
                AnalysisPrompts.draftRequest(request),
                new BeanOutputConverter<>(DRAFTS));
    }

    /**
     * What {@code ChatClient...entity(Class)} does (the converter's JSON schema appended to the
     * prompt, the answer converted into the record), done in two steps so the token usage of an
     * answer that does not convert is still counted. Each call is timed ({@code
     * cloudsquad.bedrock.calls}) and its tokens counted, whatever came of it.
     */
    private <T> Answer<T> call(String purpose, String system, String user, BeanOutputConverter<T> converter) {
        if (chat == null) {
            throw new ModelCallFailedException("No model is configured", false, null);
        }
        Timer.Sample sample = metrics.startCall();
        try {
            Answer<T> answer = call(system, user, converter);
            metrics.callEnded(sample, purpose, AnalysisMetrics.CallOutcome.SUCCESS);
            metrics.tokens(purpose, answer.inputTokens(), answer.outputTokens());
            return answer;
        } catch (ModelOutputInvalidException e) {
            metrics.callEnded(sample, purpose, AnalysisMetrics.CallOutcome.INVALID_OUTPUT);
            metrics.tokens(purpose, e.inputTokens(), e.outputTokens());
            throw e;
        } catch (ModelCallFailedException e) {
            metrics.callEnded(sample, purpose, failure(e));
            throw e;
        }
    }

    private static AnalysisMetrics.CallOutcome failure(ModelCallFailedException e) {
        if (causedBy(e, SdkServiceException.class) instanceof SdkServiceException s) {
            if (s.isThrottlingException() || s.statusCode() == 429) {
                return AnalysisMetrics.CallOutcome.THROTTLED;
            }
            return s.statusCode() >= 500
                    ? AnalysisMetrics.CallOutcome.SERVER_ERROR
                    : AnalysisMetrics.CallOutcome.REFUSED;
        }
        return e.retryable() ? AnalysisMetrics.CallOutcome.UNREACHABLE : AnalysisMetrics.CallOutcome.REFUSED;
    }

    private <T> Answer<T> call(String system, String user, BeanOutputConverter<T> converter) {
        ChatResponse response;
        try {
            response = chat.prompt()
                    .system(system)
                    .user(user + "\n" + converter.getFormat())
                    .call()
                    .chatResponse();
        } catch (RuntimeException e) {
            if (causedBy(e, SdkServiceException.class) instanceof SdkServiceException s) {
                boolean retryable = s.isThrottlingException() || s.statusCode() == 429 || s.statusCode() >= 500;
                throw new ModelCallFailedException(describe(s), retryable, e);
            }
            // timeouts and refused connections are worth another try; anything else is not
            boolean retryable = causedBy(e, SdkClientException.class) != null;
            throw new ModelCallFailedException("Bedrock could not be reached: " + e.getMessage(), retryable, e);
        }
        int in = 0;
        int out = 0;
        if (response != null
                && response.getMetadata() != null
                && response.getMetadata().getUsage() != null) {
            Usage usage = response.getMetadata().getUsage();
            in = usage.getPromptTokens() == null ? 0 : usage.getPromptTokens();
            out = usage.getCompletionTokens() == null ? 0 : usage.getCompletionTokens();
        }
        String text = response == null || response.getResult() == null
                ? null
                : response.getResult().getOutput().getText();
        if (text == null || text.isBlank()) {
            throw new ModelOutputInvalidException("The model returned no text", in, out, null);
        }
        try {
            T value = converter.convert(text);
            if (value == null) {
                throw new ModelOutputInvalidException("The model returned an empty answer", in, out, null);
            }
            return new Answer<>(value, in, out);
        } catch (ModelOutputInvalidException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelOutputInvalidException("The model's answer is not the structure asked for", in, out, e);
        }
    }

    private static String describe(SdkServiceException e) {
        String code = e instanceof AwsServiceException a && a.awsErrorDetails() != null
                ? a.awsErrorDetails().errorCode()
                : null;
        return "Bedrock answered " + e.statusCode() + (code == null ? "" : " " + code);
    }

    private static Throwable causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
