import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { adminSession } from "../api/admin-session";
import { AdminApi } from "./admin-api";
import { ADMIN_KEY } from "./admin-queries";
import { TeamWorkspace } from "./TeamWorkspace";
import { UnlockForm } from "./UnlockForm";
import "./survey-team.css";

/**
 * The survey team's page (`?view=survey-team`): unlocked with the admin token, which is kept for this tab
 * only (api/admin-session.ts) and sent in `Authorization: Bearer`. Waves and their states, publication,
 * uploads with a dry run first, the response tracker and respondent links.
 */
export default function SurveyTeamPage() {
  const session = adminSession();
  const client = useQueryClient();
  const [token, setToken] = useState(() => session.token());
  // Focus moves into the page only after a deliberate unlock, not when a reload finds the token.
  const [justUnlocked, setJustUnlocked] = useState(false);
  const lockedMessage = useRef<string | null>(null);
  const api = useMemo(() => (token ? new AdminApi(token) : null), [token]);

  const unlock = (value: string) => {
    session.unlock(value);
    setJustUnlocked(true);
    setToken(value);
  };
  const lock = () => {
    session.lock();
    client.removeQueries({ queryKey: ADMIN_KEY });
    lockedMessage.current = "Locked: the token is forgotten in this tab.";
    setJustUnlocked(false);
    setToken(null);
  };

  return (
    <main id="content" className="survey-team" tabIndex={-1}>
      <h1>Survey team</h1>
      <p className="team-intro">
        Waves, returns and respondent links. <a href="/">Back to the dashboard</a>
      </p>
      {api ? (
        <TeamWorkspace api={api} onLock={lock} focusOnMount={justUnlocked} />
      ) : (
        <UnlockForm onUnlocked={unlock} afterLock={lockedMessage.current} />
      )}
    </main>
  );
}
