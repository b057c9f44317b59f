package org.qinglang.casefile;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseNoteRepository extends JpaRepository<CaseNote, Long> {

    List<CaseNote> findByCaseNumberOrderByWrittenAtDescIdDesc(String caseNumber);
}
