package com.cloudsquad.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public class ProfileForm {

    @NotBlank(message = "{displayName.required}")
    @Size(max = 60, message = "{displayName.tooLong}")
    private String displayName;

    @NotBlank(message = "{timeZone.invalid}")
    private String timeZone;

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
