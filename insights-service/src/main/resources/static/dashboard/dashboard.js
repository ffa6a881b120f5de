// The insights dashboard: signs the user in at the LMS (authorization code with PKCE, public client suite-web),
// then shows a course's figures as charts and numbers, and its statements live. No build step, no framework.
(() => {
    'use strict';

    const LMS = document.querySelector('meta[name="lms-public-url"]').content;
    const CLIENT_ID = 'suite-web';
    const TOKEN = 'insights.token';
    const PENDING = 'insights.sign-in';
    const SIGNED_OUT = 'insights.signed-out';
    const FEED_LIMIT = 50;
    const $ = (id) => document.getElementById(id);

    // ---- sign-in (RFC 7636, S256) ----

    const base64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
        .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const randomText = () => base64url(crypto.getRandomValues(new Uint8Array(32)));
    const redirectUri = () => window.location.origin + '/callback';

    async function signIn() {
        const verifier = randomText();
        const state = randomText();
        const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
        sessionStorage.setItem(PENDING, JSON.stringify({verifier, state, back: window.location.search}));
        const query = new URLSearchParams({
            response_type: 'code', client_id: CLIENT_ID, redirect_uri: redirectUri(), scope: 'openid profile',
            code_challenge: challenge, code_challenge_method: 'S256', state,
        });
        window.location.assign(LMS + '/oauth2/authorize?' + query);
    }

    /** Back from the LMS at /callback: checks the state, trades the code for a token, returns to the page. */
    async function completeSignIn() {
        const params = new URLSearchParams(window.location.search);
        const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
        sessionStorage.removeItem(PENDING);
        if (params.get('error')) {
            throw new Error('The LMS refused the sign-in: ' + (params.get('error_description') || params.get('error')));
        }
        if (!pending || !params.get('state') || params.get('state') !== pending.state) {
            throw new Error('This sign-in was not started here (its state does not match); please sign in again.');
        }
        const answer = await fetch(LMS + '/oauth2/token', {
            method: 'POST',
            headers: {'Content-Type': 'application/x-www-form-urlencoded'},
            body: new URLSearchParams({
                grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
                client_id: CLIENT_ID, code_verifier: pending.verifier,
            }),
        });
        if (!answer.ok) {
            throw new Error('The LMS did not give a token (' + answer.status + ')');
        }
        sessionStorage.setItem(TOKEN, (await answer.json()).access_token);
        sessionStorage.removeItem(SIGNED_OUT);
        window.history.replaceState(null, '', '/' + (pending.back || ''));
    }

    function signOut() {
        sessionStorage.removeItem(TOKEN);
        sessionStorage.setItem(SIGNED_OUT, 'true');
        stopFeed();
        showSignedOut('Signed out.');
    }

    function showSignedOut(message) {
        $('signed-out').hidden = false;
        $('signed-in').hidden = true;
        $('picker').hidden = true;
        $('sign-out').hidden = true;
        $('user').textContent = '';
        say(message || '');
    }

    const say = (text) => { $('message').textContent = text; };

    function userOf(token) {
        try {
            const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
            return claims.preferred_username || '';
        } catch (e) {
            return '';
        }
    }

    // ---- the API ----

    class SignedOut extends Error {}

    async function api(path, options = {}) {
        const token = sessionStorage.getItem(TOKEN);
        const answer = await fetch(path, {
            ...options,
            headers: {...(options.headers || {}), Authorization: 'Bearer ' + token},
        });
        if (answer.status === 401) {
            sessionStorage.removeItem(TOKEN);
            throw new SignedOut();
        }
        return answer;
    }

    // ---- figures ----

    const charts = {};
    let course = null;

    function chart(id, type, options = {}) {
        if (!charts[id] && window.Chart) {
            charts[id] = new window.Chart($(id), {
                type,
                data: {labels: [], datasets: []},
                options: {responsive: true, maintainAspectRatio: false, animation: false, ...options},
            });
        }
        return charts[id];
    }

    function draw(id, type, labels, datasets, options) {
        const c = chart(id, type, options);
        if (c) {
            c.data.labels = labels;
            c.data.datasets = datasets;
            c.update();
        }
    }

    function number(testId, value) {
        const element = document.querySelector(`[data-testid="${testId}"]`);
        if (element) {
            element.textContent = String(value);
        }
    }

    /** One number per mode, named enrolled-<mode>, in the list under the doughnut. */
    function modeNumbers(byMode) {
        const list = $('enrolled-numbers');
        list.querySelectorAll('[data-mode]').forEach((row) => row.remove());
        Object.entries(byMode).forEach(([mode, count]) => {
            const row = document.createElement('div');
            row.dataset.mode = mode;
            const term = document.createElement('dt');
            term.textContent = mode;
            const value = document.createElement('dd');
            value.dataset.testid = 'enrolled-' + mode;
            value.textContent = String(count);
            row.append(term, value);
            list.append(row);
        });
    }

    function render(f) {
        const modes = Object.keys(f.enrollments.by_mode);
        draw('chart-modes', 'doughnut', modes, [{data: modes.map((m) => f.enrollments.by_mode[m])}]);
        modeNumbers(f.enrollments.by_mode);
        number('enrolled-total', f.enrollments.total);

        const days = [...new Set(f.enrollments.over_time.map((d) => d.day))];
        const perDay = (field) => days.map((day) => f.enrollments.over_time
            .filter((d) => d.day === day).reduce((sum, d) => sum + d[field], 0));
        draw('chart-enrollments', 'line', days, [
            {label: 'activated', data: perDay('activated')},
            {label: 'deactivated', data: perDay('deactivated')},
        ]);
        const total = (field) => f.enrollments.over_time.reduce((sum, d) => sum + d[field], 0);
        number('enrollments-activated', total('activated'));
        number('enrollments-deactivated', total('deactivated'));

        draw('chart-active', 'bar', f.active_learners.by_day.map((d) => d.day),
            [{label: 'learners', data: f.active_learners.by_day.map((d) => d.learners)}]);
        number('active-last-7-days', f.active_learners.last_seven_days);
        number('statements', f.statements);

        draw('chart-grades', 'bar', f.grades.labels, [{label: 'learners', data: f.grades.learners}]);
        number('graded-learners', f.grades.graded);
        f.grades.learners.forEach((count, bucket) => number('grade-bucket-' + bucket, count));

        draw('chart-passing', 'bar', ['passed', 'failed'],
            [{label: 'learners', data: [f.passing.passed, f.passing.failed]}], {indexAxis: 'y'});
        number('passed', f.passing.passed);
        number('failed', f.passing.failed);
        number('passing-rate', f.passing.rate === null ? '–' : Math.round(f.passing.rate * 100) + '%');

        draw('chart-exams', 'bar',
            ['certificates awarded', 'certificates revoked', 'exams submitted', 'verified', 'rejected', 'error'],
            [{label: 'count', data: [f.certificates.awarded, f.certificates.revoked, f.exams.submitted,
                f.exams.verified, f.exams.rejected, f.exams.error]}], {indexAxis: 'y'});
        number('certificates-awarded', f.certificates.awarded);
        number('certificates-revoked', f.certificates.revoked);
        number('exams-submitted', f.exams.submitted);
        number('exams-verified', f.exams.verified);
        number('exams-rejected', f.exams.rejected);
        number('exams-error', f.exams.error);
    }

    /** Grade buckets as numbers too, under the grade chart. */
    function gradeNumbers() {
        const list = $('grade-numbers');
        ['0-10%', '10-20%', '20-30%', '30-40%', '40-50%', '50-60%', '60-70%', '70-80%', '80-90%', '90-100%']
            .forEach((label, bucket) => {
                const row = document.createElement('div');
                const term = document.createElement('dt');
                term.textContent = label;
                const value = document.createElement('dd');
                value.dataset.testid = 'grade-bucket-' + bucket;
                value.textContent = '0';
                row.append(term, value);
                list.append(row);
            });
    }

    async function refresh() {
        if (!course) {
            return;
        }
        const answer = await api(`/api/courses/${course}/insights`);
        if (answer.status === 404) {
            say('No statements of this course yet; they appear here as they arrive.');
            return;
        }
        if (!answer.ok) {
            say(`Could not read the figures (${answer.status}).`);
            return;
        }
        say('');
        render(await answer.json());
    }

    let refreshTimer = null;
    function refreshSoon() {
        clearTimeout(refreshTimer);
        refreshTimer = setTimeout(() => refresh().catch(failed), 300);
    }

    // ---- the live feed: fetch with the token (EventSource cannot send it) and a stream reader ----

    let feed = null;

    function stopFeed() {
        if (feed) {
            feed.abort();
            feed = null;
        }
    }

    function showItem(item) {
        const list = $('feed');
        if (list.querySelector(`[data-statement-id="${CSS.escape(item.id)}"]`)) {
            return false;
        }
        const entry = document.createElement('li');
        entry.dataset.statementId = item.id;
        const time = document.createElement('time');
        time.dateTime = item.timestamp;
        time.textContent = new Date(item.timestamp).toLocaleTimeString();
        const what = document.createElement('span');
        const object = item.object_name || item.object_id.split('/').pop();
        what.textContent = `${item.actor.slice(0, 8)} ${item.verb} ${object}`;
        const name = document.createElement('small');
        name.textContent = item.tracking_name;
        entry.append(time, what, name);
        list.prepend(entry);
        while (list.children.length > FEED_LIMIT) {
            list.lastElementChild.remove();
        }
        return true;
    }

    async function follow(courseKey, controller) {
        const status = $('feed-status');
        while (!controller.signal.aborted) {
            try {
                status.textContent = 'connecting';
                const answer = await api(`/api/courses/${courseKey}/feed?last=20`,
                    {headers: {Accept: 'text/event-stream'}, signal: controller.signal});
                if (!answer.ok) {
                    throw new Error('feed answered ' + answer.status);
                }
                status.textContent = 'live';
                const reader = answer.body.pipeThrough(new TextDecoderStream()).getReader();
                let buffer = '';
                for (;;) {
                    const {value, done} = await reader.read();
                    if (done) {
                        break;
                    }
                    buffer += value.replace(/\r\n/g, '\n');
                    let end;
                    while ((end = buffer.indexOf('\n\n')) >= 0) {
                        const block = buffer.slice(0, end);
                        buffer = buffer.slice(end + 2);
                        let event = 'message';
                        const data = [];
                        block.split('\n').forEach((line) => {
                            if (line.startsWith('event:')) {
                                event = line.slice(6).trim();
                            } else if (line.startsWith('data:')) {
                                data.push(line.slice(5).replace(/^ /, ''));
                            }
                        });
                        if (event === 'statement' && data.length && showItem(JSON.parse(data.join('\n')))) {
                            refreshSoon();
                        }
                    }
                }
            } catch (e) {
                if (controller.signal.aborted) {
                    return;
                }
                if (e instanceof SignedOut) {
                    showSignedOut('Your session ended; please sign in again.');
                    return;
                }
            }
            status.textContent = 'reconnecting';
            await new Promise((resolve) => setTimeout(resolve, 2000));
        }
    }

    function watch(courseKey) {
        stopFeed();
        $('feed').replaceChildren();
        feed = new AbortController();
        follow(courseKey, feed);
    }

    // ---- the page ----

    function failed(e) {
        if (e instanceof SignedOut) {
            showSignedOut('Your session ended; please sign in again.');
        } else {
            say(e.message || String(e));
        }
    }

    async function choose(courseKey) {
        course = courseKey;
        const url = new URL(window.location.href);
        url.searchParams.set('course', courseKey);
        window.history.replaceState(null, '', url.pathname + url.search);
        await refresh();
        watch(courseKey);
    }

    async function start() {
        const token = sessionStorage.getItem(TOKEN);
        if (!token) {
            // straight to the LMS's sign-in, unless the user signed out here: then they choose when
            if (sessionStorage.getItem(SIGNED_OUT)) {
                showSignedOut();
            } else {
                await signIn();
            }
            return;
        }
        $('signed-out').hidden = true;
        $('signed-in').hidden = false;
        $('sign-out').hidden = false;
        $('user').textContent = userOf(token);
        const answer = await api('/api/courses');
        if (!answer.ok) {
            say(`Could not list the courses (${answer.status}).`);
            return;
        }
        const courses = await answer.json();
        if (courses.length === 0) {
            say('No course of yours has statements yet.');
            return;
        }
        const picker = $('course');
        picker.replaceChildren(...courses.map((c) => {
            const option = document.createElement('option');
            option.value = c.course_key;
            option.textContent = `${c.course_key} (${c.statements})`;
            return option;
        }));
        $('picker').hidden = false;
        const wanted = new URLSearchParams(window.location.search).get('course');
        const chosen = courses.some((c) => c.course_key === wanted) ? wanted : courses[0].course_key;
        picker.value = chosen;
        await choose(chosen);
    }

    document.addEventListener('DOMContentLoaded', () => {
        gradeNumbers();
        $('sign-in').addEventListener('click', () => signIn().catch(failed));
        $('sign-out').addEventListener('click', signOut);
        $('course').addEventListener('change', (e) => choose(e.target.value).catch(failed));
        const begin = window.location.pathname === '/callback' ? completeSignIn() : Promise.resolve();
        begin.then(start).catch((e) => {
            failed(e);
            if (!sessionStorage.getItem(TOKEN)) {
                $('signed-out').hidden = false;
            }
        });
    });
})();
