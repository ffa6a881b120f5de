package org.openedx.suite.credentials.learner;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/learners")
class LearnerController {

    private final Learners learners;

    LearnerController(Learners learners) {
        this.learners = learners;
    }

    @GetMapping("/{username}")
    LearnerResponse learner(@PathVariable String username) {
        return learners.find(username);
    }
}
