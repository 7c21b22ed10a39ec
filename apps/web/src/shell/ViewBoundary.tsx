import { Component, type ReactNode } from "react";
import { connection } from "../api/connection-instance";

interface State {
  failed: boolean;
}

/**
 * Catches a view that could not be drawn, most often because its code could not be downloaded while the
 * server was away (browsers remember a failed module import, so only a reload fetches it again). Says so
 * in words, and reloads the page (the URL holds the whole view) by itself when the API answers again.
 */
export class ViewBoundary extends Component<{ children: ReactNode; what: string }, State> {
  override state: State = { failed: false };
  private unsubscribe: (() => void) | null = null;

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(): void {
    connection.reportOutage();
    this.unsubscribe ??= connection.onRecover(() => window.location.reload());
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.();
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="query-error" role="alert">
        <p>
          {this.props.what} could not be loaded. If the atlas server cannot be reached, the page reloads by
          itself when it is back.
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
