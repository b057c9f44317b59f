package org.qinglang.web;

import java.security.Principal;
import org.qinglang.escalation.ReferralPackages;
import org.qinglang.security.AccessTokens;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's referral package (线索通报), for staff and for the police liaison through the signed link of
 * the referral mail. Each download is recorded before the package leaves; an invalid link answers
 * 404, as an unknown case does.
 */
@RestController
public class ReferralPackageDownloads {

    /** Who a download through the signed link is recorded as. */
    static final String POLICE_LIAISON = "police-liaison";

    private final ReferralPackages packages;
    private final AccessTokens tokens;

    ReferralPackageDownloads(ReferralPackages packages, AccessTokens tokens) {
        this.packages = packages;
        this.tokens = tokens;
    }

    @GetMapping("/staff/cases/{caseNumber}/referral.zip")
    public ResponseEntity<byte[]> forStaff(@PathVariable String caseNumber, Principal staff) {
        return zip(packages.download(caseNumber, staff.getName(), ReferralPackages.STAFF));
    }

    @GetMapping("/police/referrals/{caseNumber}.zip")
    public ResponseEntity<byte[]> forPolice(@PathVariable String caseNumber,
            @RequestParam(required = false) String token) {
        SignedLinks.require(tokens, AccessTokens.Purpose.POLICE_REFERRAL, caseNumber, token);
        return zip(packages.download(caseNumber, POLICE_LIAISON, ReferralPackages.POLICE_LINK));
    }

    private static ResponseEntity<byte[]> zip(ReferralPackages.Package referral) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(referral.fileName()).build().toString())
                .header("X-Package-SHA256", referral.sha256())
                .body(referral.zip());
    }
}
