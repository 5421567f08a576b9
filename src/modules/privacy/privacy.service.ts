import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { PrivacyRepository } from './privacy.repository';
import { TABLE_SECTIONS, TableSection } from './privacy.sections';

/** A section computed by another module (for data that is not simply the rows of one table). */
export interface ComputedSection {
  name: string;
  collect(userId: string, em: EntityManager): Promise<unknown>;
}

/**
 * Rows per database page of the data export (one statement each) and per chunk sent. A page's text stays below V8's
 * large-object size (a 500-row page of Cyrillic text did not, and went straight to the old generation).
 */
const EXPORT_PAGE_ROWS = 100;

/**
 * Everything stored about a user (GET /api/users/me/export/) and its erasure (/deletemydata). The export is built
 * from sections: the tables of privacy.sections.ts (a module with a new table adds one line there) plus any
 * computed section a module adds at start with `privacy.addSection(…)`.
 */
@Injectable()
export class PrivacyService {
  private readonly logger = new Logger(PrivacyService.name);
  private readonly computed: ComputedSection[] = [];
  private readonly erasureSteps: Array<(userId: string) => Promise<void>> = [];

  constructor(private readonly repo: PrivacyRepository) {}

  addSection(section: ComputedSection): void {
    if (this.sectionNames().includes(section.name))
      throw new Error(`Duplicate personal data section: ${section.name}`);
    this.computed.push(section);
  }

  /** Work a module does before a user is erased (e.g. handing a household's ownership over), in order. */
  beforeErasure(step: (userId: string) => Promise<void>): void {
    this.erasureSteps.push(step);
  }

  sectionNames(): string[] {
    return ['user', ...TABLE_SECTIONS.map((s: TableSection) => s.name), ...this.computed.map((s) => s.name)];
  }

  /**
   * The export as JSON text, in chunks: `{"exported_at": …, "user": {…}, "<section>": [rows…], …}`, each table read
   * in pages of EXPORT_PAGE_ROWS rows, one chunk per page. The next page is read only when the consumer asks for the
   * next chunk, so a slow client slows the reading down instead of filling memory, and no connection is held in
   * between. Each page is a snapshot of its own: rows changed during a long export may show as they were before or
   * after the change. The first chunk is the profile: an unknown user fails there (404), before anything is sent.
   */
  async *exportJson(userId: string, now = new Date()): AsyncGenerator<string> {
    const user = await this.repo.profile(userId);
    if (!user) throw DomainError.notFound();
    yield `{"exported_at":${JSON.stringify(now.toISOString())},"user":${JSON.stringify(user)}`;
    for (const s of TABLE_SECTIONS) {
      let after: string[] | null = null;
      let first = true;
      yield `,${JSON.stringify(s.name)}:[`;
      do {
        const page = await this.sectionText(userId, s, after);
        if (page.text) {
          yield first ? page.text : `,${page.text}`;
          first = false;
        }
        after = page.next;
      } while (after);
      yield ']';
    }
    for (const s of this.computed) {
      const value = JSON.stringify(await s.collect(userId, this.repo.manager));
      if (value !== undefined) yield `,${JSON.stringify(s.name)}:${value}`; // like JSON.stringify, no key for undefined
    }
    yield '}';
  }

  /** One page of a section as JSON text (the rows are not kept while the text waits for the client). */
  private async sectionText(
    userId: string,
    s: TableSection,
    after: string[] | null,
  ): Promise<{ text: string; next: string[] | null }> {
    const page = await this.repo.sectionPage(userId, s, after, EXPORT_PAGE_ROWS);
    return { text: page.rows.map((r) => JSON.stringify(r)).join(','), next: page.next };
  }

  /** Erases the user and everything that references them. */
  async eraseUser(userId: string): Promise<boolean> {
    for (const step of this.erasureSteps) await step(userId);
    const deleted = await this.repo.deleteUser(userId);
    if (deleted) this.logger.log(`User data erased at the user's request: user_id=${userId}`);
    return deleted;
  }
}
