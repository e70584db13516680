// The HIL view in Camunda Cockpit: a tab on the process instance view and a "Human tasks" entry on the dashboard.
// Every call goes to the plugin's own resources with Cockpit's session and CSRF token; the browser holds no API key.
// Text from actions is set as text, never as HTML.

const STYLE = `
.hil-view { padding: 10px 0; }
.hil-view table { width: 100%; margin: 6px 0 14px; border-collapse: collapse; }
.hil-view th, .hil-view td { padding: 4px 8px; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
.hil-view .hil-action { border: 1px solid #ccc; border-radius: 3px; padding: 8px 12px; margin-bottom: 14px; }
.hil-view .hil-status { font-weight: bold; text-transform: uppercase; }
.hil-view .hil-timeline { list-style: none; padding-left: 0; border-left: 3px solid #b5152b; margin-left: 6px; }
.hil-view .hil-timeline li { padding: 2px 0 6px 12px; }
.hil-view .hil-timeline time { color: #666; margin-right: 8px; }
.hil-view .hil-data { color: #555; font-family: monospace; font-size: 90%; word-break: break-all; }
.hil-view .hil-message { padding: 6px 0; }
.hil-view .hil-error { color: #b5152b; }
.hil-view button { margin-left: 6px; }
`;

function base(api) {
  return `${api.cockpitApi}/plugin/hil/${api.engine}`;
}

async function call(api, method, path, payload) {
  const headers = { Accept: "application/json", "X-XSRF-TOKEN": api.CSRFToken };
  if (payload !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  const response = await fetch(base(api) + path, {
    method,
    credentials: "same-origin",
    headers,
    body: payload !== undefined ? JSON.stringify(payload) : undefined,
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.detail || `HTTP ${response.status}`);
  }
  return body;
}

function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== null && value !== undefined) {
      element.setAttribute(name, value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== null && child !== undefined) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return element;
}

function table(headings, rows) {
  return el("table", { class: "table" },
    el("thead", {}, el("tr", {}, headings.map((heading) => el("th", {}, heading)))),
    el("tbody", {}, rows));
}

/**
 * Runs a change from a button: the button waits while it runs, then the message it returns shows and the view
 * reloads; a refusal shows its reason and the button can be tried again.
 */
async function act(button, run, reload, message) {
  button.disabled = true;
  try {
    message(await run(), false);
    await reload();
  } catch (error) {
    message(error.message, true);
    button.disabled = false;
  }
}

/** A button that asks for a second click before it acts, then shows the outcome and reloads the view. */
function actButton(label, confirmLabel, className, run, reload, message) {
  const button = el("button", { class: `btn btn-default btn-sm ${className}`, type: "button" }, label);
  let armed = false;
  button.addEventListener("click", async () => {
    if (!armed) {
      armed = true;
      button.textContent = confirmLabel;
      return;
    }
    await act(button, async () => {
      await run();
      return "Done.";
    }, reload, message);
  });
  return button;
}

function view(node) {
  node.innerHTML = "";
  node.append(el("style", {}, STYLE));
  const container = el("div", { class: "hil-view" });
  const message = el("div", { class: "hil-message", role: "status" });
  node.append(container);
  return {
    container,
    message: (text, error) => {
      message.textContent = text;
      message.className = error ? "hil-message hil-error" : "hil-message";
    },
    messageElement: message,
  };
}

function dispatchRows(api, dispatches, mayAct, reload, message) {
  return dispatches.map((row) => el("tr", { class: "hil-dispatch", "data-status": row.status },
    el("td", {}, row.outputType), el("td", {}, row.channel), el("td", {}, row.purpose),
    el("td", {}, row.status), el("td", {}, row.attempts), el("td", {}, row.lastError || ""),
    el("td", {}, mayAct && row.status === "failed"
      ? actButton("Resend", "Click again to resend", "hil-resend",
        () => call(api, "POST", `/dispatches/${row.id}/retry`), reload, message)
      : "")));
}

function deliveryRows(api, deliveries, mayAct, reload, message) {
  return deliveries.map((row) => el("tr", { class: "hil-delivery", "data-status": row.status },
    el("td", {}, row.eventType), el("td", {}, row.webhookId), el("td", {}, row.status), el("td", {}, row.attempts),
    el("td", {}, row.lastStatusCode || ""), el("td", {}, row.lastError || ""),
    el("td", {}, mayAct && row.status === "failed"
      ? actButton("Retry now", "Click again to retry", "hil-retry",
        () => call(api, "POST", `/webhooks/${row.webhookId}/deliveries/${row.id}/retry`), reload, message)
      : "")));
}

/** A field for how much longer (an ISO-8601 duration) and a button that moves the deadline by it. */
function extendForm(api, action, reload, message) {
  const by = el("input", { class: "form-control input-sm hil-extend-by", type: "text", value: "P1D", size: "8",
    "aria-label": "How much longer, as an ISO-8601 duration such as P1D or PT4H" });
  const button = el("button", { class: "btn btn-default btn-sm hil-extend", type: "button" }, "Extend deadline by");
  button.addEventListener("click", () => act(button, async () => {
    const body = await call(api, "POST", `/actions/${action.id}/extend`, { by: by.value });
    return `The deadline is now ${body.expiresAt}.`;
  }, reload, message));
  return el("span", { class: "form-inline" }, button, " ", by);
}

/** Fields for whom to pass the action to (comma-separated addresses) and why, and a button that passes it on. */
function reassignForm(api, action, reload, message) {
  const to = el("input", { class: "form-control input-sm hil-reassign-to", type: "text", size: "28",
    placeholder: "bob@example.com", "aria-label": "Pass to: one or more email addresses, separated by commas" });
  const reason = el("input", { class: "form-control input-sm hil-reassign-reason", type: "text", size: "20",
    placeholder: "Reason (optional)", "aria-label": "Why the action is passed on" });
  const button = el("button", { class: "btn btn-default btn-sm hil-reassign", type: "button" }, "Pass to");
  button.addEventListener("click", () => act(button, async () => {
    const addresses = to.value.split(",").map((address) => address.trim()).filter((address) => address);
    const body = await call(api, "POST", `/actions/${action.id}/reassign`,
      { to: addresses, reason: reason.value.trim() || undefined });
    return `Passed to ${body.to.join(", ")}.`;
  }, reload, message));
  return el("span", { class: "form-inline" }, button, " ", to, " ", reason);
}

/** "2 of 5 voted (all): Approve 2, Reject 0" */
function tallyText(tally) {
  const counts = Object.entries(tally.counts || {}).map(([option, count]) => `${option} ${count}`).join(", ");
  return `${tally.voted} of ${tally.approvers} voted (${tally.rule})${counts ? ": " + counts : ""}`;
}

function votesTable(votes) {
  return table(["By", "Vote", "At", "Channel"], votes.map((vote) => el("tr", { class: "hil-vote" },
    el("td", {}, vote.by), el("td", {}, JSON.stringify(vote.value)), el("td", {}, vote.at),
    el("td", {}, vote.channel))));
}

/** The escalation levels: when each comes due, whom it adds, and whether it was carried out. */
function escalationTable(levels) {
  return table(["Level", "Due", "Adds", "State"], levels.map((level) =>
    el("tr", { class: "hil-escalation", "data-state": level.state },
      el("td", {}, level.level), el("td", {}, level.dueAt), el("td", {}, (level.to || []).join(", ")),
      el("td", {}, level.escalatedAt ? `${level.state} at ${level.escalatedAt}` : level.state))));
}

function renderAction(api, action, mayAct, reload, message) {
  const header = el("h4", {},
    el("span", { class: "hil-status" }, action.status), " ", action.nodeId, " ", el("small", {}, action.id));
  const facts = el("dl", { class: "dl-horizontal" },
    el("dt", {}, "Question"), el("dd", { class: "hil-question" }, action.question || ""),
    el("dt", {}, "Output types"), el("dd", {}, (action.outputTypes || []).join(", ")),
    el("dt", {}, "Recipients"), el("dd", {}, (action.recipients || []).join(", ") || "–"),
    el("dt", {}, "Created"), el("dd", {}, action.createdAt),
    el("dt", {}, "Deadline"), el("dd", {}, action.expiresAt || "none"),
    el("dt", {}, "Answer"), el("dd", {}, action.response ? JSON.stringify(action.response.value) : "–"));
  if (action.tally) {
    facts.append(el("dt", {}, "Votes"), el("dd", { class: "hil-tally" }, tallyText(action.tally)));
  }
  const buttons = el("div", {});
  if (mayAct && action.status === "pending") {
    buttons.append(actButton("Cancel action", "Click again to cancel", "hil-cancel",
      () => call(api, "POST", `/actions/${action.id}/cancel`), reload, message), " ",
      extendForm(api, action, reload, message));
    if ((action.outputTypes || []).includes("email")) {
      buttons.append(" ", reassignForm(api, action, reload, message));
    }
  }
  const timeline = el("ol", { class: "hil-timeline hil-audit" }, action.audit.map((entry) =>
    el("li", { "data-event": entry.event },
      el("time", {}, entry.timestamp), el("strong", {}, entry.event),
      entry.userId ? ` by ${entry.userId}` : "",
      el("div", { class: "hil-data" }, JSON.stringify(entry.data)))));
  return el("div", { class: "hil-action", "data-status": action.status, "data-action-id": action.id },
    header, facts, buttons,
    action.votes && action.votes.length > 0 ? [el("h5", {}, "Votes"), votesTable(action.votes)] : null,
    action.escalation && action.escalation.length > 0
      ? [el("h5", {}, "Escalation"), escalationTable(action.escalation)] : null,
    el("h5", {}, "Audit trail"), timeline,
    el("h5", {}, "Dispatches"),
    table(["Output type", "Channel", "Purpose", "Status", "Attempts", "Last error", ""],
      dispatchRows(api, action.dispatches, mayAct, reload, message)),
    el("h5", {}, "Webhook deliveries"),
    table(["Event", "Webhook", "Status", "Attempts", "Last status", "Last error", ""],
      deliveryRows(api, action.deliveries, mayAct, reload, message)));
}

const instanceTab = {
  id: "hil.processInstance.actions",
  pluginPoint: "cockpit.processInstance.runtime.tab",
  priority: 20,
  label: "Human tasks",
  render: (node, { api, processInstanceId }) => {
    const { container, message, messageElement } = view(node);
    const reload = async () => {
      try {
        const body = await call(api, "GET", `/process-instance/${processInstanceId}`);
        container.innerHTML = "";
        container.append(messageElement);
        if (body.actions.length === 0) {
          container.append(el("p", { class: "hil-empty" }, "This instance has opened no human tasks."));
        }
        body.actions.slice().reverse().forEach((action) =>
          container.append(renderAction(api, action, body.mayAct, reload, message)));
      } catch (error) {
        container.innerHTML = "";
        container.append(messageElement);
        message(error.message, true);
      }
    };
    reload();
  },
};

const dashboard = {
  id: "hil.dashboard",
  pluginPoint: "cockpit.dashboard",
  priority: 5,
  label: "Human tasks",
  render: (node, { api }) => {
    const { container, message, messageElement } = view(node);
    const reload = async () => {
      try {
        const body = await call(api, "GET", "/dashboard");
        container.innerHTML = "";
        container.append(el("h3", {}, "Human tasks"), messageElement,
          el("h4", {}, "Pending by flow"),
          table(["Flow", "Pending", "Oldest waiting since", "Oldest age"], body.pendingByFlow.map((row) =>
            el("tr", { class: "hil-flow" }, el("td", {}, row.flowId), el("td", {}, row.pending),
              el("td", {}, row.oldestCreatedAt || ""), el("td", {}, age(row.oldestAgeSeconds))))),
          el("h4", {}, "Failed dispatches"),
          table(["Output type", "Channel", "Purpose", "Status", "Attempts", "Last error", ""],
            dispatchRows(api, body.failedDispatches, body.mayAct, reload, message)),
          el("h4", {}, "Failed webhook deliveries"),
          table(["Event", "Webhook", "Status", "Attempts", "Last status", "Last error", ""],
            deliveryRows(api, body.failedDeliveries, body.mayAct, reload, message)));
      } catch (error) {
        container.innerHTML = "";
        container.append(messageElement);
        message(error.message, true);
      }
    };
    reload();
  },
};

function age(seconds) {
  if (seconds === null || seconds === undefined) {
    return "";
  }
  if (seconds < 120) {
    return `${seconds} s`;
  }
  if (seconds < 7200) {
    return `${Math.round(seconds / 60)} min`;
  }
  if (seconds < 172800) {
    return `${Math.round(seconds / 3600)} h`;
  }
  return `${Math.round(seconds / 86400)} d`;
}

export default [instanceTab, dashboard];
