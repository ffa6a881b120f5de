package org.openedx.suite.lms.program;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openedx.suite.lms.user.Users;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/programs/certificates?username=U}: a learner's program records, as credentials announced them. */
@RestController
@RequestMapping("/api/programs/certificates")
class ProgramRecordController {

    private final JdbcTemplate jdbc;
    private final Users users;

    ProgramRecordController(JdbcTemplate jdbc, Users users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    @GetMapping
    @Transactional(readOnly = true)
    public List<ProgramRecord> of(@RequestParam String username) {
        long userId = users.require(username).id();
        return jdbc.query("""
                SELECT program_uuid, program_title, program_type, certificate_uuid, status, url, modified
                  FROM program_certificate WHERE user_id = ? ORDER BY program_title, program_uuid
                """, (rs, n) -> new ProgramRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()), userId);
    }

    /** @param status {@code awarded} or {@code revoked} */
    record ProgramRecord(UUID programUuid, String programTitle, String programType, UUID certificateUuid,
                         String status, String url, Instant modified) {
    }
}
