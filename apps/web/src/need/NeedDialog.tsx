import { useEffect, useRef, useState } from "react";
import { NeedAssumptionsForm } from "./NeedAssumptionsForm";
import { OPEN_NEED_FORM } from "./open-need-form";

/**
 * The need assumptions form in a modal dialog, opened by any "change" button on the page (see
 * open-need-form.ts). The native dialog keeps focus inside, closes on Escape and returns focus to the
 * button that opened it. The form is mounted afresh on each opening, so it starts from the URL.
 */
export function NeedDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onOpen = () => {
      setOpen(true);
      if (!dialog.current?.open) dialog.current?.showModal();
    };
    window.addEventListener(OPEN_NEED_FORM, onOpen);
    return () => window.removeEventListener(OPEN_NEED_FORM, onOpen);
  }, []);
  return (
    <dialog
      ref={dialog}
      className="need-dialog"
      aria-labelledby="need-form-title"
      data-testid="need-dialog"
      onClose={() => setOpen(false)}
    >
      {open ? <NeedAssumptionsForm onDone={() => dialog.current?.close()} /> : null}
    </dialog>
  );
}
