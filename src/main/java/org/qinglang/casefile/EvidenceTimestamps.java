package org.qinglang.casefile;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.qinglang.common.EngineClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * RFC 3161 time-stamps of evidence hashes (BouncyCastle's TSP): a token from the time-stamping
 * authority at {@code qinglang.evidence.tsa-url} proves the bytes with that SHA-256 existed at that
 * moment. With no URL configured the application is its own authority (a key made at start, its
 * certificate in every token), so the embedded default works with no setup; production names an
 * accredited authority. A token verifies on its own: its imprint is the hash, its signature the
 * certificate's.
 */
@Service
public class EvidenceTimestamps {

    /** A token, when it says the hash existed, and who said so. */
    public record Stamp(byte[] token, Instant at, String authority) {
    }

    /** What a token proves for a hash: nothing (invalid), or this moment by this authority. */
    public record Verification(boolean valid, Instant at, String authority) {
    }

    static final String LOCAL_AUTHORITY = "CN=Qinglang local time-stamping authority";

    private final String tsaUrl;
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private volatile TimeStampTokenGenerator localAuthority;

    public EvidenceTimestamps(@Value("${qinglang.evidence.tsa-url:}") String tsaUrl) {
        this.tsaUrl = tsaUrl == null ? "" : tsaUrl.strip();
    }

    public Stamp stamp(String sha256Hex) {
        try {
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            requests.setCertReq(true);
            TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, HexFormat.of().parseHex(sha256Hex),
                    new BigInteger(64, random));
            TimeStampResponse response = tsaUrl.isEmpty() ? local(request) : remote(request);
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new IllegalStateException("no time-stamp granted: " + response.getStatusString());
            }
            return new Stamp(token.getEncoded(), token.getTimeStampInfo().getGenTime().toInstant(), authorityOf(token));
        } catch (IOException | org.bouncycastle.tsp.TSPException | org.bouncycastle.operator.OperatorCreationException
                | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("time-stamping failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("time-stamping interrupted", e);
        }
    }

    public Verification verify(byte[] tokenBytes, String sha256Hex) {
        if (tokenBytes == null) {
            return new Verification(false, null, null);
        }
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(tokenBytes));
            boolean imprint = Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(),
                    HexFormat.of().parseHex(sha256Hex));
            @SuppressWarnings("unchecked")
            var certificates = (java.util.Collection<X509CertificateHolder>) token.getCertificates()
                    .getMatches(token.getSID());
            if (!imprint || certificates.isEmpty()) {
                return new Verification(false, null, null);
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certificates.iterator().next()));
            return new Verification(true, token.getTimeStampInfo().getGenTime().toInstant(), authorityOf(token));
        } catch (Exception invalid) {
            return new Verification(false, null, null);
        }
    }

    private static String authorityOf(TimeStampToken token) {
        @SuppressWarnings("unchecked")
        var certificates = (java.util.Collection<X509CertificateHolder>) token.getCertificates().getMatches(token.getSID());
        return certificates.isEmpty() ? "?" : certificates.iterator().next().getSubject().toString();
    }

    private TimeStampResponse remote(TimeStampRequest request) throws IOException, InterruptedException,
            org.bouncycastle.tsp.TSPException {
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(tsaUrl))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IOException("time-stamping authority answered " + answer.statusCode());
        }
        return new TimeStampResponse(answer.body());
    }

    private TimeStampResponse local(TimeStampRequest request) throws org.bouncycastle.tsp.TSPException,
            org.bouncycastle.operator.OperatorCreationException, java.security.GeneralSecurityException, IOException {
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(localAuthority(), TSPAlgorithms.ALLOWED);
        return responses.generate(request, new BigInteger(64, random), Date.from(EngineClock.now()));
    }

    private TimeStampTokenGenerator localAuthority() throws org.bouncycastle.operator.OperatorCreationException,
            java.security.GeneralSecurityException, IOException, org.bouncycastle.tsp.TSPException {
        if (localAuthority == null) {
            synchronized (this) {
                if (localAuthority == null) {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(2048);
                    KeyPair keys = generator.generateKeyPair();
                    X500Name name = new X500Name(LOCAL_AUTHORITY);
                    Instant now = Instant.now();
                    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, random),
                            Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
                            keys.getPublic());
                    // A time-stamping certificate must say so, critically (RFC 3161, 2.3).
                    builder.addExtension(Extension.extendedKeyUsage, true,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
                    TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                            new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", keys.getPrivate(), certificate),
                            new JcaDigestCalculatorProviderBuilder().build()
                                    .get(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1)),
                            new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.1"));
                    tokens.addCertificates(new JcaCertStore(List.of(certificate)));
                    localAuthority = tokens;
                }
            }
        }
        return localAuthority;
    }
}
