/** PDFs for the PDF extractor tests, drawn with pdf-lib: each line is text at a position and size. */
import { PDFDocument, StandardFonts } from "pdf-lib";

/** One line of text: its baseline `y` from the bottom of a US Letter page (792 high), x 72 unless given. */
export interface DrawnLine {
  text: string;
  y: number;
  size: number;
  x?: number;
  bold?: boolean;
}

/** A PDF whose pages hold `pages[i]`'s lines. */
export async function drawPdf(pages: DrawnLine[][]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (const lines of pages) {
    const page = doc.addPage([612, 792]);
    for (const line of lines) page.drawText(line.text, { x: line.x ?? 72, y: line.y, size: line.size, font: line.bold ? bold : regular });
  }
  return Buffer.from(await doc.save());
}

/** A one-event flyer: title, date and time, venue, and a price line. */
export function flyer(): Promise<Buffer> {
  return drawPdf([
    [
      { text: "Winter Craft Fair", y: 680, size: 32, bold: true },
      { text: "Saturday, December 12, 2026", y: 620, size: 18 },
      { text: "10am – 4pm", y: 596, size: 18 },
      { text: "Lincoln High School Gym, 2200 Oak St", y: 560, size: 14 },
    ],
  ]);
}

/** A two-event workshop schedule: a heading, then two blocks of three lines with a blank gap between them. */
export function schedule(): Promise<Buffer> {
  return drawPdf([
    [
      { text: "December Workshops", y: 720, size: 22, bold: true },
      { text: "Intro to Watercolor", y: 660, size: 14, bold: true },
      { text: "Thursday, December 3, 6:00-8:00pm", y: 642, size: 12 },
      { text: "Room 204", y: 626, size: 12 },
      { text: "Bookbinding Basics", y: 580, size: 14, bold: true },
      { text: "Saturday, December 12, 1-4pm", y: 562, size: 12 },
      { text: "Room 110", y: 546, size: 12 },
    ],
  ]);
}

/**
 * A PDF protected by a user password (Standard security handler, RC4 40-bit): the empty password does not
 * match its /U entry, so no reader can open it without the password. Written by hand: pdf-lib cannot encrypt.
 */
export function passwordProtectedPdf(): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${"ab".repeat(32)}> /U <${"cd".repeat(32)}> >>`,
  ];
  let text = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(text, "latin1"));
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(text, "latin1");
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  const id = "0123456789abcdef0123456789abcdef";
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, "latin1");
}
