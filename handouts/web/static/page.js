// The staff page: keep the preview and the download links in step with the choices, and
// make ward packs. Every piece of text comes from the server, in the page's language.
"use strict";

const data = JSON.parse(document.getElementById("page-data").textContent);
const text = data.text;
const $ = (id) => document.getElementById(id);
const form = $("handout");

function fill(template, values) {
  return template.replace(/%\((\w+)\)s/g, (_, key) => String(values[key]));
}

function say(box, kind, message) {
  const line = document.createElement("p");
  line.className = kind;
  line.textContent = message;
  box.appendChild(line);
}

function query() {
  const params = new URLSearchParams();
  for (const name of ["brand", "locale", "topic"]) params.set(name, form.elements[name].value);
  params.set("paper", form.querySelector("input[name=paper]:checked").value);
  params.set("large", $("large").checked ? "1" : "0");
  params.set("ui", form.elements.ui.value);
  for (const box of form.querySelectorAll("input[name=section]:checked")) params.append("section", box.value);
  return params;
}

async function getJSON(url, options) {
  let response;
  try {
    response = await fetch(url, options);
  } catch (error) {
    return { error: text.busy };
  }
  try {
    return await response.json();
  } catch (error) {
    return { error: `${response.status} ${response.statusText}` };
  }
}

let latestChoices = 0;
async function loadChoices(keepSections) {
  const ticket = ++latestChoices;
  const params = new URLSearchParams({
    brand: form.elements.brand.value, locale: form.elements.locale.value, topic: form.elements.topic.value,
  });
  const answer = await getJSON(`api/choices?${params}`);
  if (ticket !== latestChoices) return; // a newer choice was made while this one loaded
  if (answer.error) {
    $("status").replaceChildren();
    say($("status"), "refused", answer.error);
    return;
  }
  const topic = form.elements.topic;
  const chosen = topic.value;
  topic.replaceChildren(...answer.topics.map((t) => new Option(t.title, t.id, false, t.id === chosen)));
  data.topics = answer.topics.map((t) => [t.id, t.title]);
  const ticked = new Set(keepSections ? [...form.querySelectorAll("input[name=section]:checked")].map((b) => b.value) : []);
  const list = $("section-list");
  list.replaceChildren(...answer.sections.map((s) => {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = "section";
    box.value = s.id;
    box.checked = keepSections ? ticked.has(s.id) : s.default;
    label.append(box, " ", s.title);
    return label;
  }));
  refreshPackTitles();
  await refresh();
}

let latest = 0;
async function refresh() {
  const params = query();
  const status = $("status");
  const preview = $("preview");
  for (const link of ["download-pdf", "print-pdf", "download-html"]) $(link).setAttribute("aria-disabled", "true");
  status.replaceChildren();
  if (!params.has("section")) {
    say(status, "refused", text.none);
    preview.replaceChildren();
    return;
  }
  const ticket = ++latest;
  preview.setAttribute("aria-busy", "true");
  say(status, "working", text.working);
  const answer = await getJSON(`api/preview?${params}`);
  if (ticket !== latest) return; // a newer choice is on its way
  preview.setAttribute("aria-busy", "false");
  status.replaceChildren();
  for (const line of answer.status || []) say(status, line.kind, line.text);
  for (const message of answer.messages || []) say(status, "draft", message);
  if (answer.error) {
    say(status, "refused", `${text.error} ${answer.error}`);
    preview.replaceChildren();
    return;
  }
  preview.dir = answer.direction;
  preview.replaceChildren(...answer.pages.map((src, index) => {
    const image = new Image();
    image.src = src;
    image.alt = fill(text.page, { page: index + 1, total: answer.pages.length });
    image.dataset.direction = answer.direction;
    return image;
  }));
  $("download-pdf").href = `handout.pdf?${params}`;
  $("print-pdf").href = `handout.pdf?${params}&print=1`;
  $("download-html").href = `handout.html?${params}`;
  for (const link of ["download-pdf", "print-pdf", "download-html"]) $(link).removeAttribute("aria-disabled");
}

// -- ward packs ---------------------------------------------------------------

function select(options, value, label) {
  const element = document.createElement("select");
  element.setAttribute("aria-label", label);
  element.replaceChildren(...options.map(([id, name]) => new Option(name, id, false, id === value)));
  return element;
}

function addRow(topic, locale, copies) {
  const row = document.createElement("tr");
  const number = $("pack-rows").children.length + 1;
  const topicCell = document.createElement("td");
  topicCell.append(select(data.topics, topic, fill(text.row_topic, { n: number })));
  topicCell.firstChild.className = "pack-topic";
  const localeCell = document.createElement("td");
  localeCell.append(select(data.languages.map(([id, name]) => [id, name]), locale, fill(text.row_language, { n: number })));
  localeCell.firstChild.className = "pack-locale";
  const copiesCell = document.createElement("td");
  const count = document.createElement("input");
  count.type = "number";
  count.min = "1";
  count.max = String(data.limits.copies);
  count.value = String(copies);
  count.className = "pack-copies";
  count.setAttribute("aria-label", fill(text.row_copies, { n: number }));
  copiesCell.append(count);
  const removeCell = document.createElement("td");
  const remove = document.createElement("button");
  remove.type = "button";
  remove.className = "secondary";
  remove.textContent = text.remove;
  remove.addEventListener("click", () => row.remove());
  removeCell.append(remove);
  row.append(topicCell, localeCell, copiesCell, removeCell);
  $("pack-rows").append(row);
}

function refreshPackTitles() {
  for (const chooser of document.querySelectorAll(".pack-topic")) {
    const value = chooser.value;
    chooser.replaceChildren(...data.topics.map(([id, name]) => new Option(name, id, false, id === value)));
  }
}

async function makePack(event) {
  event.preventDefault();
  const rows = [...$("pack-rows").children].map((row) => ({
    topic: row.querySelector(".pack-topic").value,
    locale: row.querySelector(".pack-locale").value,
    copies: Number(row.querySelector(".pack-copies").value),
  }));
  const status = $("pack-status");
  const bar = $("pack-progress");
  const link = $("pack-download");
  status.replaceChildren();
  link.hidden = true;
  const spec = {
    brand: form.elements.brand.value,
    paper: form.querySelector("input[name=paper]:checked").value === "brand" ? null
      : form.querySelector("input[name=paper]:checked").value,
    duplex: $("duplex").checked,
    rows,
  };
  let job = await getJSON("api/packs", {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(spec),
  });
  bar.hidden = false;
  while (!job.error && job.state === "running") {
    bar.max = job.total;
    bar.value = job.done;
    status.replaceChildren();
    say(status, "working", fill(text.packing, job));
    await new Promise((resolve) => setTimeout(resolve, 300));
    job = await getJSON(`api/packs/${job.id}`);
  }
  bar.hidden = true;
  status.replaceChildren();
  if (job.error) {
    say(status, "refused", `${text.failed} ${job.error}`);
    return;
  }
  for (const warning of job.warnings || []) say(status, "draft", warning);
  say(status, "ok", fill(text.packed, job));
  link.href = `api/packs/${job.id}/ward-pack.pdf`;
  link.hidden = false;
}

form.addEventListener("change", (event) => {
  const name = event.target.name;
  if (name === "brand" || name === "locale" || name === "topic") loadChoices(name === "brand");
  else refresh();
});
$("add-row").addEventListener("click", () => addRow(data.topics[0][0], form.elements.locale.value, 1));
$("pack").addEventListener("submit", makePack);
for (const id of ["download-pdf", "print-pdf", "download-html"]) {
  $(id).addEventListener("click", (event) => {
    if ($(id).getAttribute("aria-disabled") === "true") event.preventDefault();
  });
}
addRow(data.topics[0][0], form.elements.locale.value, 1);
loadChoices(false);
