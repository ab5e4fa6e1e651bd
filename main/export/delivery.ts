/** A finished export waiting in the registry's private folder to be handed to the user. */
export interface FinishedExport {
  jobId: string;
  /** The file in the private folder; never a path the UI gave. */
  path: string;
  /** The name offered to the user. */
  fileName: string;
}

export type DeliveryOutcome = { savedTo: string } | { downloadUrl: string } | { cancelled: true };

/**
 * How a transport hands a finished export to the user: Electron asks where to save it, the browser
 * host answers with a download link. After `savedTo` the registry forgets the job and its file.
 */
export type DeliverFile = (file: FinishedExport) => Promise<DeliveryOutcome>;
