package org.qinglang.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.ReporterType;
import org.springframework.web.multipart.MultipartFile;

/** The public complaint form (/complaints/new). */
public class ComplaintForm {

    @NotNull(message = "{form.required}")
    private ComplaintCategory category;
    private ReporterType reporterType = ReporterType.CITIZEN;
    private org.qinglang.casefile.ReportedObject objectType = org.qinglang.casefile.ReportedObject.ACCOUNT;
    @jakarta.validation.constraints.Size(max = 200)
    private String groupAdmin;
    @jakarta.validation.constraints.Size(max = 8000)
    private String rebuttal;
    @NotBlank(message = "{form.required}")
    private String platform;
    @NotBlank(message = "{form.required}")
    @Size(max = 10000, message = "{form.too-long}")
    private String urls;
    @Size(max = 200, message = "{form.too-long}")
    private String accountName;
    @NotBlank(message = "{form.required}")
    @Size(min = 10, max = 20000, message = "{form.description.size}")
    private String description;
    @NotBlank(message = "{form.required}")
    @Size(max = 100, message = "{form.too-long}")
    private String name;
    @NotBlank(message = "{form.required}")
    @Email(message = "{form.email.invalid}")
    @Size(max = 320, message = "{form.too-long}")
    private String email;
    @Pattern(regexp = "^$|^[+0-9 ()-]{5,40}$", message = "{form.phone.invalid}")
    private String phone;
    @AssertTrue(message = "{form.good-faith.required}")
    private boolean goodFaith;
    private MultipartFile[] evidence;

    /** The addresses given, one per line; the first is the content reported. */
    public List<String> urlList() {
        return urls == null ? List.of() : Arrays.stream(urls.split("[\\r\\n\\s]+")).map(String::strip)
                .filter(u -> !u.isEmpty()).toList();
    }

    public ComplaintCategory getCategory() {
        return category;
    }

    public void setCategory(ComplaintCategory category) {
        this.category = category;
    }

    public ReporterType getReporterType() {
        return reporterType;
    }

    public void setReporterType(ReporterType reporterType) {
        this.reporterType = reporterType;
    }

    public String getPlatform() {
        return platform;
    }

    public void setPlatform(String platform) {
        this.platform = platform;
    }

    public String getUrls() {
        return urls;
    }

    public void setUrls(String urls) {
        this.urls = urls;
    }

    public String getAccountName() {
        return accountName;
    }

    public void setAccountName(String accountName) {
        this.accountName = accountName;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public boolean isGoodFaith() {
        return goodFaith;
    }

    public void setGoodFaith(boolean goodFaith) {
        this.goodFaith = goodFaith;
    }

    public MultipartFile[] getEvidence() {
        return evidence;
    }

    public void setEvidence(MultipartFile[] evidence) {
        this.evidence = evidence;
    }

    public org.qinglang.casefile.ReportedObject getObjectType() {
        return objectType;
    }

    public void setObjectType(org.qinglang.casefile.ReportedObject objectType) {
        this.objectType = objectType;
    }

    public String getGroupAdmin() {
        return groupAdmin;
    }

    public void setGroupAdmin(String groupAdmin) {
        this.groupAdmin = groupAdmin;
    }

    public String getRebuttal() {
        return rebuttal;
    }

    public void setRebuttal(String rebuttal) {
        this.rebuttal = rebuttal;
    }
}
