package com.cloudsquad.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void refusesFewerThanEightCharacters() {
        assertThat(policy.violation("Zq9!xk2")).contains("password.tooShort");
    }

    @Test
    void refusesSpacesOnlyOrFewerThanEightCharactersThatAreNotSpaces() {
        assertThat(policy.violation("        ")).contains("password.tooFewCharacters");
        assertThat(policy.violation("\t \u00a0\u2003    ")).contains("password.tooFewCharacters");
        assertThat(policy.violation("a b c d e f g")).contains("password.tooFewCharacters");
        assertThat(policy.violation("   zqxwvkjm   ")).isEmpty();
    }

    @Test
    void acceptsEightCharactersWithoutCompositionRules() {
        assertThat(policy.violation("zqxwvkjm")).isEmpty();
    }

    @Test
    void acceptsSixtyFourCharactersAndLongPassphrasesInAnyScript() {
        assertThat(policy.violation("a".repeat(30) + "-correct horse battery staple-" + "b".repeat(4)))
                .isEmpty();
        assertThat(policy.violation("雲の上で勉強する長い合言葉はとても安全です")).isEmpty();
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // 8 emoji are 16 UTF-16 units but 8 characters: allowed. 7 are too short.
        assertThat(policy.violation("😀😃😄😁😆😅😂🤣")).isEmpty();
        assertThat(policy.violation("😀😃😄😁😆😅😂")).contains("password.tooShort");
    }

    @Test
    void refusesMoreThan128Characters() {
        assertThat(policy.violation("x".repeat(129))).contains("password.tooLong");
    }

    @Test
    void refusesCommonPasswordsWhateverTheCase() {
        assertThat(policy.violation("password")).contains("password.common");
        assertThat(policy.violation("Iloveyou")).contains("password.common");
        assertThat(policy.violation("QWERTYUIOP")).contains("password.common");
        assertThat(policy.commonPasswordCount()).isGreaterThan(10_000);
    }
}
