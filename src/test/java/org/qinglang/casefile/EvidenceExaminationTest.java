package org.qinglang.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.intake.IntakeService;
import org.qinglang.intake.NewComplaint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence that holds up: each hash gets an RFC 3161 time-stamp that verifies; an image shows its
 * capture date, camera and software; a picture reused from an earlier case is flagged with that case
 * and date; bytes changed after receipt are flagged at every access.
 */
@QinglangTest
@AutoConfigureMockMvc
class EvidenceExaminationTest {

    @RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension mail = TestMail.server();

    @Autowired
    IntakeService intake;
    @Autowired
    CaseDriver cases;
    @Autowired
    EvidenceExamination examination;
    @Autowired
    EvidenceTimestamps timestamps;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    TransactionTemplate transaction;

    /** A picture of random blocks: each seed its own picture. */
    private static BufferedImage picture(long seed, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(seed);
        for (int i = 0; i < 30; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillRect(random.nextInt(width), random.nextInt(height), width / 3, height / 3);
        }
        g.dispose();
        return image;
    }

    private static BufferedImage halved(BufferedImage image) {
        BufferedImage smaller = new BufferedImage(image.getWidth() / 2, image.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smaller.createGraphics();
        g.drawImage(image, 0, 0, smaller.getWidth(), smaller.getHeight(), null);
        g.dispose();
        return smaller;
    }

    private static byte[] jpeg(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** The JPEG with an EXIF segment as a camera writes it: make, model, software, time taken. */
    static byte[] withExif(byte[] jpeg, String make, String model, String software, String taken) {
        List<String[]> ifd0 = List.of(new String[] {"010F", make}, new String[] {"0110", model},
                new String[] {"0131", software});
        // Layout: header 8, IFD0 (2 + 4*12 + 4), sub-IFD (2 + 12 + 4), then the strings.
        int ifd0At = 8;
        int subIfdAt = ifd0At + 2 + 4 * 12 + 4;
        int dataAt = subIfdAt + 2 + 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(512);
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(ifd0At);
        tiff.putShort((short) 4);
        for (String[] entry : ifd0) {
            byte[] text = (entry[1] + "\0").getBytes(StandardCharsets.US_ASCII);
            tiff.putShort((short) Integer.parseInt(entry[0], 16)).putShort((short) 2).putInt(text.length)
                    .putInt(dataAt + strings.size());
            strings.writeBytes(text);
        }
        tiff.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(subIfdAt).putInt(0);
        byte[] time = (taken + "\0").getBytes(StandardCharsets.US_ASCII);
        tiff.putShort((short) 1).putShort((short) 0x9003).putShort((short) 2).putInt(time.length)
                .putInt(dataAt + strings.size()).putInt(0);
        strings.writeBytes(time);
        tiff.put(strings.toByteArray());
        byte[] tiffBytes = java.util.Arrays.copyOf(tiff.array(), tiff.position());
        byte[] exif = ByteBuffer.allocate(6 + tiffBytes.length).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII))
                .put(tiffBytes).array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xff);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private String submit(String label, byte[]... images) {
        List<NewComplaint.Attachment> attachments = new ArrayList<>();
        for (int i = 0; i < images.length; i++) {
            attachments.add(new NewComplaint.Attachment("photo-" + i + ".jpg", "image/jpeg", images[i], null));
        }
        String caseNumber = intake.submit(new NewComplaint(org.qinglang.casefile.ComplaintSource.API,
                ComplaintCategory.RUMOUR, ReporterType.VICTIM_ENTERPRISE, "weiyu-social",
                "https://weiyu.example/p/" + label + "-" + System.nanoTime(), "poster",
                "用半年前的旧图冒充新近排污 Old photos shown as new pollution", "某企业", "firm@mail.example", null,
                attachments, null)).caseNumber();
        cases.runDueJobs(caseNumber);
        examination.sweep();
        return caseNumber;
    }

    private long evidenceOf(String caseNumber, String fileName) {
        return jdbc.queryForObject("SELECT e.id FROM evidence e JOIN complaint c ON c.id = e.complaint_id"
                + " WHERE c.case_number = ? AND e.file_name = ?", Long.class, caseNumber, fileName);
    }

    private String caseFile(String caseNumber) throws Exception {
        return mvc.perform(get("/staff/cases/" + caseNumber).param("lang", "en").with(user("caseworker").roles("case-workers")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void eachHashIsTimeStampedAndAnImageSaysWhenAndWithWhatItWasTaken() throws Exception {
        byte[] photo = withExif(jpeg(picture(1, 640, 480)), "Canon", "EOS 80D", "Adobe Photoshop 25.0",
                "2026:05:02 10:30:00");
        String caseNumber = submit("exif", photo);
        long id = evidenceOf(caseNumber, "photo-0.jpg");
        var row = jdbc.queryForMap("SELECT sha256, timestamp_token, image_taken_at, image_camera, image_software"
                + " FROM evidence WHERE id = ?", id);
        EvidenceTimestamps.Verification verified = timestamps.verify((byte[]) row.get("timestamp_token"),
                (String) row.get("sha256"));
        assertThat(verified.valid()).isTrue();
        assertThat(verified.authority()).contains("Qinglang local time-stamping authority");
        // The token is of this hash, not any other.
        assertThat(timestamps.verify((byte[]) row.get("timestamp_token"), "00".repeat(32)).valid()).isFalse();
        assertThat(row.get("image_taken_at")).isEqualTo("2026-05-02 10:30:00");
        assertThat(row.get("image_camera")).isEqualTo("Canon EOS 80D");
        assertThat(row.get("image_software")).isEqualTo("Adobe Photoshop 25.0");
        assertThat(caseFile(caseNumber)).contains("RFC 3161 time-stamp: existed on").contains("Taken 2026-05-02 10:30:00")
                .contains("Canon EOS 80D").contains("Adobe Photoshop 25.0");
    }

    @Test
    void aPictureReusedFromAnEarlierCaseIsFlaggedWithThatCaseAndDate() throws Exception {
        long seed = System.nanoTime();
        String earlier = submit("first-report", jpeg(picture(seed, 800, 600)));
        // Half a year later, the same picture, smaller and recompressed, as "fresh" evidence; and another one.
        String later = submit("reused", jpeg(halved(picture(seed, 800, 600))), jpeg(picture(seed + 1, 800, 600)));

        String page = caseFile(later);
        assertThat(page).contains("The same picture was already reported on").contains("/staff/cases/" + earlier);
        long reused = evidenceOf(later, "photo-0.jpg");
        long other = evidenceOf(later, "photo-1.jpg");
        Evidence reusedEvidence = transaction.execute(s -> entity(reused));
        Evidence otherEvidence = transaction.execute(s -> entity(other));
        assertThat(examination.earlierAppearances(reusedEvidence)).extracting(EvidenceExamination.EarlierPicture::caseNumber)
                .contains(earlier);
        assertThat(examination.earlierAppearances(otherEvidence)).extracting(EvidenceExamination.EarlierPicture::caseNumber)
                .doesNotContain(earlier);
    }

    @Test
    void theReferralPackageCarriesEachFilesTimeStampToken() throws Exception {
        String caseNumber = intake.submit(new NewComplaint(org.qinglang.casefile.ComplaintSource.API,
                ComplaintCategory.EXTORTION_PAID_DELETION, ReporterType.CITIZEN, "weiyu-social",
                "https://weiyu.example/p/extortion-" + System.nanoTime(), "delete_for_money",
                "有偿删帖中介索要费用 Paid deletion broker demanding money", "王先生", "wang@mail.example", null,
                List.of(new NewComplaint.Attachment("chat.jpg", "image/jpeg", jpeg(picture(42, 320, 240)), null)), null))
                .caseNumber();
        cases.runDueJobs(caseNumber);
        examination.sweep();
        byte[] zip = mvc.perform(get("/staff/cases/" + caseNumber + "/referral.zip")
                        .with(user("caseworker").roles("case-workers")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> entries = new ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(entry.getName());
            }
        }
        assertThat(entries).anyMatch(name -> name.endsWith("chat.jpg")).anyMatch(name -> name.endsWith("chat.jpg.tsr"));
    }

    @Autowired
    jakarta.persistence.EntityManager entities;

    private Evidence entity(long id) {
        Evidence evidence = entities.find(Evidence.class, id);
        evidence.getComplaint().getCaseNumber();
        return evidence;
    }

    @Test
    void bytesChangedAfterReceiptAreFlaggedAtEveryAccess() throws Exception {
        String caseNumber = submit("tampered", jpeg(picture(7, 320, 240)));
        long id = evidenceOf(caseNumber, "photo-0.jpg");
        mvc.perform(get("/staff/evidence/" + id).with(user("caseworker").roles("case-workers")))
                .andExpect(header().string("X-Evidence-Integrity", "OK"));
        jdbc.update("UPDATE evidence SET content = ? WHERE id = ?", jpeg(picture(8, 320, 240)), id);

        mvc.perform(get("/staff/evidence/" + id).with(user("caseworker").roles("case-workers")))
                .andExpect(status().isOk()).andExpect(header().string("X-Evidence-Integrity", "MISMATCH"));
        assertThat(jdbc.queryForList("SELECT kind FROM personal_data_access WHERE case_number = ?", String.class,
                caseNumber)).contains("INTEGRITY_FAILED");
        String page = caseFile(caseNumber);
        assertThat(page).contains("no longer match the SHA-256 taken on receipt");
        // The chain from receipt to today: received, time-stamped, downloaded, found changed.
        String chain = page.substring(page.indexOf("id=\"custody\""), page.indexOf("id=\"evidence\""));
        assertThat(chain).contains("received", "time-stamped (RFC 3161)", "downloaded evidence",
                "found evidence changed since receipt");
        assertThat(chain.indexOf("received")).isLessThan(chain.indexOf("found evidence changed since receipt"));
    }
}
