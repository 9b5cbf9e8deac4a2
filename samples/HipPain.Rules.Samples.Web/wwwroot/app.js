// HipPain.Rules clinic sample page: plain JavaScript, no build step, no outside assets.
// It calls the app's own API (/api/...) and draws what the triage-result and interview-step documents hold
// (docs/results.md): urgency first, the causes fired red flags name, the differential, the explanation, the plan.
(() => {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  };

  // Words of the page itself; the knowledge base's words come from its text pack through the API.
  const WORDS = {
    en: {
      noRegion: 'No region marked yet.', marked: 'Marked: ',
      noRegionPatient: 'No region marked yet: a patient interview asks some red-flag questions (the back, the hip bone) only where it hurts, so mark every place that hurts first.', question: 'Question', redFlagQuestion: 'red-flag question',
      yes: 'Yes', no: 'No', dontKnow: "Don't know", soFar: 'Urgency so far: ', couldBe: ' — could still be ',
      until: ' until these are answered: ', settled: 'Urgency: ', redFlag: 'Red flag: ', excludeFirst: 'Exclude first',
      prior: 'prior', posterior: 'Posterior', priorRow: 'Prior (before any finding)', forCause: 'for', against: 'against',
      running: 'Running', workup: 'Workup', treatments: 'Treatment', deferred: 'Held back until the red flags are cleared',
      avoid: 'Avoid', prevention: 'Prevention', firstLine: 'first line', secondLine: 'second line', level: 'evidence',
      finished: 'The interview has finished: ', error: 'The request was refused', kb: 'Knowledge base', engine: 'engine',
      text: 'text', hash: 'hash', derivedFrom: 'derived from', fired: 'fired', none: 'No explanation for this cause.',
      stopped: { leadingCauseClear: 'one cause clearly leads', nothingLeftToChange: 'no question left could change the ranking',
        maximumQuestionsReached: 'the question limit was reached', noQuestionsLeft: 'no questions left' },
      urgency: { emergency: 'Emergency', urgent: 'Urgent', routine: 'Routine', selfCare: 'Self-care' },
      met: 'yes', notMet: 'no', partsMet: 'parts met', rank: 'ranked',
    },
    es: {
      noRegion: 'Aún no hay ninguna zona marcada.', marked: 'Marcado: ',
      noRegionPatient: 'Aún no hay ninguna zona marcada: la entrevista al paciente hace algunas preguntas de alarma (la espalda, el hueso de la cadera) solo donde duele, así que marque antes todas las zonas que duelen.', question: 'Pregunta', redFlagQuestion: 'pregunta de señal de alarma',
      yes: 'Sí', no: 'No', dontKnow: 'No lo sé', soFar: 'Urgencia por ahora: ', couldBe: ' — aún podría ser ',
      until: ' hasta responder: ', settled: 'Urgencia: ', redFlag: 'Señal de alarma: ', excludeFirst: 'Descartar primero',
      prior: 'previa', posterior: 'Posterior', priorRow: 'Previa (antes de cualquier hallazgo)', forCause: 'a favor', against: 'en contra',
      running: 'Carrera', workup: 'Estudio', treatments: 'Tratamiento', deferred: 'En espera hasta descartar las señales de alarma',
      avoid: 'Evitar', prevention: 'Prevención', firstLine: 'primera línea', secondLine: 'segunda línea', level: 'evidencia',
      finished: 'La entrevista ha terminado: ', error: 'La solicitud fue rechazada', kb: 'Base de conocimiento', engine: 'motor',
      text: 'texto', hash: 'hash', derivedFrom: 'derivada de', fired: 'activada', none: 'Sin explicación para esta causa.',
      stopped: { leadingCauseClear: 'una causa destaca claramente', nothingLeftToChange: 'ninguna pregunta cambiaría el orden',
        maximumQuestionsReached: 'se alcanzó el límite de preguntas', noQuestionsLeft: 'no quedan preguntas' },
      urgency: { emergency: 'Emergencia', urgent: 'Urgente', routine: 'Ordinaria', selfCare: 'Autocuidado' },
      met: 'sí', notMet: 'no', partsMet: 'partes presentes', rank: 'puesto',
    },
  };

  const page = {
    kb: null,                 // the pack's knowledge-base summary
    regions: new Map(),       // body region -> location finding id
    marked: new Set(),        // finding ids marked on the map
    step: null,               // the current interview step
    answers: [],              // { question, answer } in order
    result: null,             // the triage-result shown
    chosenCause: null,
  };

  const words = () => WORDS[$('language').value] || WORDS.en;
  const pct = (p) => `${(p * 100).toFixed(p < 0.1 ? 1 : 0)}%`;
  const query = (extra = {}) => new URLSearchParams({ pack: $('pack').value, language: $('language').value, ...extra }).toString();

  async function call(method, url, body) {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = null; }
    if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { problem: json, status: response.status });
    return json;
  }

  function showError(error) {
    const box = $('error');
    box.replaceChildren();
    const problem = error.problem;
    box.append(el('h2', { text: `${words().error}: ${problem?.title ?? error.message}` }));
    const list = el('ul');
    for (const e of problem?.errors ?? []) list.append(el('li', {}, el('code', { text: e.code }), ` ${e.path}: ${e.message}`));
    if (!problem?.errors?.length && problem?.detail) list.append(el('li', { text: problem.detail }));
    box.append(list);
    box.hidden = false;
    box.scrollIntoView({ block: 'nearest' });
  }

  const clearError = () => { $('error').hidden = true; $('error').replaceChildren(); };

  // ---- Knowledge base and body map ----

  async function loadKnowledgeBase() {
    page.kb = await call('GET', `/api/knowledge-base?${query()}`);
    page.regions.clear();
    for (const f of page.kb.findings) if (f.kind === 'painLocation' && f.region !== 'none') page.regions.set(f.region, f);
    document.documentElement.lang = page.kb.text.culture;
    $('disclaimer').textContent = page.kb.disclaimer;
    const note = $('review-note');
    note.hidden = page.kb.text.review !== 'needsClinicalReview';
    note.textContent = page.kb.text.reviewNote ?? '';
    for (const g of document.querySelectorAll('.region')) {
      const finding = page.regions.get(g.dataset.region);
      g.setAttribute('role', 'checkbox');
      g.setAttribute('tabindex', '0');
      g.setAttribute('aria-label', finding ? finding.name : g.dataset.region);
      g.dataset.finding = finding ? finding.id : '';
      let title = g.querySelector('title');
      if (!title) { title = document.createElementNS('http://www.w3.org/2000/svg', 'title'); g.prepend(title); }
      title.textContent = finding ? finding.name : g.dataset.region;
      g.setAttribute('aria-checked', String(page.marked.has(g.dataset.finding)));
    }
    renderChosen();
    renderStamps(null);
    translateStatic();
  }

  function toggleRegion(g) {
    const id = g.dataset.finding;
    if (!id) return;
    if (page.marked.has(id)) page.marked.delete(id); else page.marked.add(id);
    g.setAttribute('aria-checked', String(page.marked.has(id)));
    renderChosen();
  }

  function renderChosen() {
    const names = [...page.marked].map((id) => page.kb?.findings.find((f) => f.id === id)?.name ?? id);
    const none = $('audience').value === 'patient' ? words().noRegionPatient : words().noRegion;
    $('chosen').textContent = names.length ? words().marked + names.join('; ') : none;
  }

  function startingCase() {
    const age = $('age').value.trim();
    return {
      formatVersion: 1,
      age: age === '' ? null : Number(age),
      sex: $('sex').value,
      observations: [...page.marked].map((findingId) => ({ findingId, state: 'present' })),
    };
  }

  // ---- Interview ----

  async function startInterview() {
    clearError();
    try {
      page.answers = [];
      const step = await call('POST', `/api/interview/start?${query({ audience: $('audience').value })}`, startingCase());
      showStep(step);
    } catch (error) { showError(error); }
  }

  async function answer(value) {
    if (!page.step?.next) return;
    clearError();
    const asked = page.step.next;
    try {
      const step = await call('POST', `/api/interview/answer?${query()}`, { state: page.step.state, findingId: asked.finding, answer: value });
      page.answers.push({ question: asked.question, answer: value });
      showStep(step);
    } catch (error) { showError(error); }
  }

  function showStep(step) {
    page.step = step;
    $('setup').hidden = true;
    $('result').hidden = true;
    $('interview').hidden = false;
    renderFlagBanner(step.result);
    renderProvisional(step.result);
    const list = $('answer-list');
    list.replaceChildren(...page.answers.map((a) => el('li', {}, `${a.question} — `, el('strong', { text: answerWord(a.answer) }))));
    $('answer-count').textContent = String(page.answers.length);
    if (step.finished || !step.next) {
      showResult(step.result, `${words().finished}${words().stopped[step.stopReason] ?? step.stopReason}.`);
      return;
    }
    $('question-meta').textContent = `${words().question} ${step.questionsAsked + 1}${step.next.redFlagQuestion ? ` · ${words().redFlagQuestion}` : ''}`;
    $('question').textContent = step.next.question;
    $('question').dataset.finding = step.next.finding;
    $('question-why').textContent = step.explanation;
    $('question').focus();
  }

  const answerWord = (a) => (a === 'present' ? words().yes : a === 'absent' ? words().no : words().dontKnow);
  const urgencyWord = (u) => words().urgency[u] ?? u;

  function renderFlagBanner(result) {
    const banner = $('flag-banner');
    const fired = result.urgency.fired ?? [];
    banner.hidden = fired.length === 0;
    banner.replaceChildren();
    if (!fired.length) return;
    const top = fired[0];
    banner.className = `banner ${top.urgency}`;
    banner.append(el('h3', { text: `${urgencyWord(top.urgency).toUpperCase()} · ${words().redFlag}${top.name ?? top.redFlag}` }));
    for (const flag of fired) banner.append(el('p', {}, el('strong', { text: `${flag.name ?? flag.redFlag}: ` }), flag.action));
  }

  function renderProvisional(result) {
    const u = result.urgency;
    const line = $('provisional');
    if (u.provisional) {
      const settling = [];
      for (const flag of u.undecided ?? []) for (const id of flag.settlingFindings ?? []) if (!settling.includes(id)) settling.push(id);
      const names = settling.slice(0, 4).map((id) => page.kb.findings.find((f) => f.id === id)?.name ?? id);
      line.textContent = `${words().soFar}${urgencyWord(u.settled)}${words().couldBe}${urgencyWord(u.highestPossible)}${names.length ? words().until + names.join('; ') + (settling.length > 4 ? '; …' : '') : ''}`;
    } else {
      line.textContent = `${words().settled}${urgencyWord(u.settled)}`;
    }
  }

  // ---- Result ----

  async function triageNow() {
    clearError();
    try {
      page.answers = [];
      showResult(await call('POST', `/api/triage?${query()}`, startingCase()), null);
    } catch (error) { showError(error); }
  }

  function showResult(result, why) {
    page.result = result;
    $('setup').hidden = true;
    $('interview').hidden = true;
    $('result').hidden = false;
    renderUrgency(result, why);
    renderChart(result);
    const first = result.urgency.mustExcludeFirst?.[0]?.cause ?? result.differential[0]?.cause;
    choose(first);
    renderPlan(result);
    renderStamps(result);
    $('result-title').focus();
  }

  function renderUrgency(result, why) {
    const u = result.urgency;
    const box = $('urgency-banner');
    box.className = `banner ${u.settled}`;
    box.replaceChildren();
    box.setAttribute('role', u.fired?.length ? 'alert' : 'status');
    box.append(el('h3', { text: u.provisional
      ? `${words().soFar}${urgencyWord(u.settled)}${words().couldBe}${urgencyWord(u.highestPossible)}`
      : `${words().settled}${urgencyWord(u.settled)}` }));
    for (const flag of u.fired ?? []) box.append(el('p', {}, el('strong', { text: `${words().redFlag}${flag.name ?? flag.redFlag} (${urgencyWord(flag.urgency)}): ` }), flag.action));
    if (why) box.append(el('p', { class: 'hint', text: why }));

    const exclude = $('exclude-first');
    exclude.replaceChildren();
    if (u.mustExcludeFirst?.length) {
      exclude.append(el('h3', { text: words().excludeFirst }),
        el('ul', {}, u.mustExcludeFirst.map((c) => el('li', {}, el('strong', { text: c.name ?? c.cause }), ` — ${urgencyWord(c.urgency)}; ${words().rank} ${c.rank}`))));
    }
  }

  function renderChart(result) {
    const chart = $('chart');
    chart.replaceChildren();
    for (const d of result.differential) {
      const prior = d.explanation?.priorProbability;
      chart.append(el('li', {}, el('button', { type: 'button', 'aria-pressed': 'false', 'data-cause': d.cause, onclick: () => choose(d.cause) },
        el('span', { class: 'name' }, d.name ?? d.cause, d.suspectedByRedFlags ? el('span', { class: 'flag-tag', title: words().redFlag.replace(/: $/, ''), text: '!' }) : null),
        el('span', { class: 'track', 'aria-hidden': 'true' },
          el('span', { class: `bar${d.suspectedByRedFlags ? ' flagged' : ''}`, style: `width:${(d.probability * 100).toFixed(2)}%` }),
          prior !== undefined ? el('span', { class: 'prior', style: `left:${(prior * 100).toFixed(2)}%`, title: `${words().prior} ${pct(prior)}` }) : null),
        el('span', { class: 'pct', text: pct(d.probability) }),
        prior !== undefined ? el('span', { class: 'sr-only', text: `, ${words().prior} ${pct(prior)}` }) : null)));
    }
  }

  const logit = (p) => Math.log(p / (1 - p));
  const expit = (x) => 1 / (1 + Math.exp(-x));

  function choose(causeId) {
    page.chosenCause = causeId;
    for (const b of $('chart').querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.cause === causeId));
    const result = page.result;
    const cause = result.differential.find((d) => d.cause === causeId);
    $('waterfall-cause').textContent = cause ? (cause.name ?? cause.cause) : '';
    const list = $('waterfall');
    const sources = $('sources');
    list.replaceChildren();
    sources.replaceChildren();
    if (!cause?.explanation) { list.append(el('li', { text: words().none })); return; }

    const cited = [];
    const cite = (index) => {
      if (index === undefined || index === null) return null;
      let n = cited.indexOf(index);
      if (n < 0) { cited.push(index); n = cited.length - 1; }
      return el('sup', {}, el('a', { href: `#source-${n + 1}`, text: `[${n + 1}]` }));
    };
    const row = (kind, label, detail, from, to, sourceIndex) => {
      const lo = Math.min(from, to) * 100;
      const width = Math.abs(to - from) * 100;
      return el('li', { class: kind },
        el('span', { class: 'label' }, label, ' ', detail ? el('span', { class: 'factor', text: detail }) : null, ' ', cite(sourceIndex)),
        el('span', { class: 'track', 'aria-hidden': 'true' }, el('span', { class: 'step', style: `left:${lo.toFixed(2)}%;width:${width.toFixed(2)}%` })),
        el('span', { class: 'pct', text: pct(to) }));
    };

    const prior = cause.explanation.priorProbability;
    list.append(row('total', words().priorRow, null, 0, prior, null));
    let odds = logit(prior);
    for (const c of cause.explanation.contributions ?? []) {
      const before = expit(odds);
      odds += Math.log(c.factor);
      const after = expit(odds);
      const state = c.partsMet !== undefined ? `${c.partsMet} ${words().partsMet}` : c.met ? words().met : words().notMet;
      const direction = c.factor >= 1 ? words().forCause : words().against;
      list.append(row(c.factor >= 1 ? 'for' : 'against', c.label ?? c.rule, `(${state}; ×${c.factor}, ${direction})`, before, after, c.source));
    }
    list.append(row('total', words().posterior, null, 0, cause.probability, null));

    cited.forEach((index, n) => {
      const s = result.sources[index];
      sources.append(el('li', { id: `source-${n + 1}` }, s.citation, el('span', { class: 'meta', text: ` (${s.level}; ${s.status})` })));
    });
  }

  function renderPlan(result) {
    const plan = result.plan;
    const box = $('plan');
    box.replaceChildren();
    const w = words();
    if (plan.running) box.append(el('h4', { text: w.running }), el('p', { text: plan.running.text }));
    // The level that grades an item for its causes (causeLevels lists the causes whose level differs from the
    // treatment's own): one level when all causes share it, else each cause with its own.
    const causeName = (id) => result.differential.find((d) => d.cause === id)?.name ?? id;
    const levelText = (item) => {
      if (!item.causeLevels) return item.level;
      const levels = (item.causes ?? []).map((c) => [c, item.causeLevels[c] ?? item.level]);
      const distinct = [...new Set(levels.map(([, l]) => l))];
      return distinct.length === 1 ? distinct[0] : levels.map(([c, l]) => `${causeName(c)} ${l}`).join(', ');
    };
    const section = (title, items) => {
      if (!items?.length) return;
      box.append(el('h4', { text: title }), el('ul', {}, items.map((item) => el('li', { 'data-treatment': item.treatment },
        item.name ?? item.treatment,
        el('span', { class: 'meta', text: ` — ${item.line === 'secondLine' ? w.secondLine : item.line === 'avoid' ? w.avoid : w.firstLine}; ${w.level}: ${levelText(item)}` }),
        ...(item.notes ?? []).map((n) => el('div', { class: 'meta', text: n.note }))))));
    };
    section(w.workup, plan.workup);
    section(w.treatments, plan.treatments);
    section(w.deferred, plan.deferred);
    section(w.avoid, plan.avoid);
    section(w.prevention, plan.prevention);
  }

  function renderStamps(result) {
    const w = words();
    const kb = result ? result.knowledgeBase : { id: page.kb.id, version: page.kb.version, hash: page.kb.hash, derivedFrom: page.kb.derivedFrom };
    const text = result ? result.text : page.kb.text;
    const parts = [`${w.kb}: `, el('strong', { text: `${kb.id} ${kb.version}` }), ` · ${w.hash} `, el('code', { text: kb.hash })];
    for (const d of kb.derivedFrom ?? []) parts.push(` · ${w.derivedFrom} ${d.id} ${d.version} (`, el('code', { text: d.hash }), ')');
    parts.push(` · ${w.text}: ${text.culture} (${text.review})`);
    if (result) parts.push(` · ${w.engine} ${result.engineVersion}`);
    $('stamps').replaceChildren(el('p', {}, parts));
  }

  // ---- Page words ----

  function translateStatic() {
    const es = $('language').value === 'es';
    for (const node of document.querySelectorAll('[data-es]')) {
      if (node.dataset.en === undefined) node.dataset.en = node.textContent;
      node.textContent = es ? node.dataset.es : node.dataset.en;
    }
    const set = (selector, en, spanish) => { const node = document.querySelector(selector); if (node) node.textContent = es ? spanish : en; };
    set('#setup-title', '1. The patient', '1. El paciente');
    set('#map-title', 'Where does it hurt?', '¿Dónde le duele?');
    set('#map-hint', 'Click a region, or move to it with Tab and press Enter or Space. Either side: the knowledge base does not record which side hurts.',
      'Pulse una zona, o llegue a ella con Tab y pulse Intro o Espacio. Cualquier lado: la base de conocimiento no registra qué lado duele.');
    set('#start', 'Start the interview', 'Empezar la entrevista');
    set('#triage-now', 'Result from the map alone', 'Resultado solo con el mapa');
    set('#interview-title', '2. Interview', '2. Entrevista');
    set('#skip', 'Skip to result', 'Ir al resultado');
    set('#result-title', '3. Result', '3. Resultado');
    set('#differential-title', 'Differential', 'Diagnóstico diferencial');
    for (const b of document.querySelectorAll('.restart')) b.textContent = es ? 'Empezar de nuevo' : 'Start over';
    for (const b of document.querySelectorAll('.answer')) b.textContent = answerWord(b.dataset.answer);
  }

  // ---- Wiring ----

  function restart() {
    clearError();
    page.step = null;
    page.result = null;
    page.answers = [];
    $('interview').hidden = true;
    $('result').hidden = true;
    $('setup').hidden = false;
  }

  document.addEventListener('DOMContentLoaded', async () => {
    for (const g of document.querySelectorAll('.region')) {
      g.addEventListener('click', () => toggleRegion(g));
      g.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); toggleRegion(g); }
      });
    }
    $('audience').addEventListener('change', renderChosen);
    $('start').addEventListener('click', startInterview);
    $('triage-now').addEventListener('click', triageNow);
    $('skip').addEventListener('click', () => page.step && showResult(page.step.result, null));
    for (const b of document.querySelectorAll('.answer')) b.addEventListener('click', () => answer(b.dataset.answer));
    for (const b of document.querySelectorAll('.restart')) b.addEventListener('click', restart);
    $('pack').addEventListener('change', async () => { restart(); await loadKnowledgeBase().catch(showError); });
    $('language').addEventListener('change', async () => {
      await loadKnowledgeBase().catch(showError);
      if (page.result && !$('result').hidden) {
        // The words of a result come from the server: triage its case again in the new language.
        try { showResult(await call('POST', `/api/triage?${query()}`, page.result.case), null); } catch (error) { showError(error); }
      }
    });
    try { await loadKnowledgeBase(); } catch (error) { showError(error); }
    document.body.dataset.ready = 'true';
  });
})();
