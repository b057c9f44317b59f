package org.qinglang.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.ReporterType;

/** The JSON body of POST /api/complaints. */
public record ComplaintRequest(
        @NotNull ComplaintCategory category,
        @NotBlank @Size(max = 64) String platform,
        @NotBlank @Size(max = 2048) String url,
        @Size(max = 200) String accountName,
        @NotBlank @Size(min = 10, max = 20000) String description,
        ReporterType reporterType,
        @NotNull @Valid Complainant complainant,
        @Size(max = 10) List<@NotNull @Valid EvidenceItem> evidence,
        org.qinglang.casefile.ReportedObject objectType,
        @Size(max = 200) String groupAdmin,
        @Size(max = 8000) String rebuttal) {

    public record Complainant(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Email @Size(max = 320) String email,
            @Pattern(regexp = "^[+0-9 ()-]{5,40}$") String phone) {
    }

    public record EvidenceItem(
            @Size(max = 255) String fileName,
            @NotBlank @Size(max = 100) String contentType,
            @NotBlank String contentBase64,
            @Size(max = 2048) String url) {
    }
}
