package org.qinglang.registry;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlatformRepository extends JpaRepository<Platform, String> {

    /** Every platform by code, in JPQL, whose SQL Hibernate keeps (see ViolationRepository). */
    @Query("select p from Platform p order by p.code")
    List<Platform> allOrderedByCode();
}
