package org.qinglang.casework;

import java.util.Optional;
import org.qinglang.intake.Complaint;
import org.qinglang.intake.ComplaintRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/** Finds the open case that already covers the content a new complaint reports. */
@Service
public class DuplicateFinder {

    private final ComplaintRepository complaints;

    public DuplicateFinder(ComplaintRepository complaints) {
        this.complaints = complaints;
    }

    public Optional<Complaint> openCaseCovering(Complaint complaint) {
        return complaints.findEarlierOpenCasesAbout(complaint.getNormalizedUrl(), complaint.getId(), PageRequest.of(0, 1))
                .stream().findFirst();
    }
}
