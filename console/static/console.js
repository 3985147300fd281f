// Light progressive enhancement for the Summit console (the pages work without it).
// Served as a file so the Content-Security-Policy can forbid inline script.
(() => {
  // Confirm destructive forms.
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.getAttribute("data-confirm") ?? "Are you sure?")) event.preventDefault();
    });
  }
  // Disable a form's button while it is being submitted (no double submits).
  for (const form of document.querySelectorAll("form[method=post]")) {
    form.addEventListener("submit", () => {
      for (const b of form.querySelectorAll("button")) b.setAttribute("disabled", "");
    });
  }
  // Long actions: follow progress without reloading the page.
  const task = document.querySelector("[data-task]");
  if (task) {
    for (const meta of document.querySelectorAll('meta[http-equiv="refresh"]')) meta.remove();
    const bar = task.querySelector("progress");
    const count = task.querySelector(".task-count");
    const result = task.querySelector(".task-result");
    const tick = async () => {
      const res = await fetch(task.getAttribute("data-task") ?? "", { credentials: "same-origin" });
      if (!res.ok) return;
      const t = await res.json();
      if (bar) {
        bar.max = Math.max(1, t.total);
        bar.value = t.done;
      }
      if (count) count.textContent = `${t.done} of ${t.total}${t.finished ? " — finished" : ""}`;
      if (result) result.textContent = t.result ?? "";
      if (!t.finished) setTimeout(tick, 500);
    };
    setTimeout(tick, 300);
  }
})();
