import { SaxesParser } from "saxes";
import { WorkbookRefusal } from "./zip";

export interface XmlHandlers {
  /** An element opens; `name` without its namespace prefix (`x:row` → `row`). */
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const localName = (name: string) => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * Streams one part's XML through the handlers, a chunk at a time (nothing is held whole). Reading stops,
 * and so does inflation, as soon as `done()` says so. Entities are XML's own five and character
 * references; no DTD is ever expanded.
 */
export async function readXml(
  chunks: AsyncIterable<Buffer>,
  part: string,
  handlers: XmlHandlers,
  done: () => boolean = () => false,
): Promise<void> {
  const parser = new SaxesParser({ position: false });
  const { open, close, text } = handlers;
  if (open)
    parser.on("opentag", (tag) => open(localName(tag.name), tag.attributes as Record<string, string>));
  if (close) parser.on("closetag", (tag) => close(localName(tag.name)));
  if (text) {
    parser.on("text", text);
    parser.on("cdata", text);
  }
  const decoder = new TextDecoder("utf-8");
  try {
    for await (const chunk of chunks) {
      parser.write(decoder.decode(chunk, { stream: true }));
      if (done()) return;
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof WorkbookRefusal) throw error;
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new WorkbookRefusal(`part ${part} is not readable XML (${reason}); the workbook is damaged`);
  }
}
