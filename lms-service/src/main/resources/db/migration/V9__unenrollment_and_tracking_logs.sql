-- Unenrolment (issue 15): the enrollment stays, inactive, as Open edX keeps it; enrolling again re-activates it.
ALTER TABLE enrollment ADD COLUMN is_active BOOLEAN NOT NULL DEFAULT true;

-- Whether the learner ever passed in the course: the first crossing to passing is tracked as
-- edx.course.grade.passed.first_time, later ones as now_passed. A learner passing now has passed.
ALTER TABLE course_grade ADD COLUMN ever_passed BOOLEAN NOT NULL DEFAULT false;
UPDATE course_grade SET ever_passed = passed;

-- When the learner's row on a subsection was made: the first_attempted of edx.grades.subsection.grade_calculated.
ALTER TABLE subsection_grade ADD COLUMN created_at TIMESTAMPTZ;
UPDATE subsection_grade SET created_at = modified;
ALTER TABLE subsection_grade ALTER COLUMN created_at SET NOT NULL;
