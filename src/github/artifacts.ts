import { RequestError } from "@octokit/request-error";
import { UserError } from "../domain/errors.js";
import type { GitHub } from "./octokit.js";

export interface RunArtifact {
  id: number;
  name: string;
  sizeInBytes: number;
  expired: boolean;
}

export async function listRunArtifacts(
  github: GitHub,
  where: { owner: string; repo: string; runId: number },
): Promise<RunArtifact[]> {
  const artifacts = await github.paginate(github.rest.actions.listWorkflowRunArtifacts, {
    owner: where.owner,
    repo: where.repo,
    run_id: where.runId,
    per_page: 100,
  });
  return artifacts.map((a) => ({
    id: a.id,
    name: a.name,
    sizeInBytes: a.size_in_bytes,
    expired: a.expired,
  }));
}

/**
 * Downloads an artifact zip. GitHub answers 302 with a short-lived signed URL on another host: that
 * request is made without our token (the URL carries its own authorisation). The body is read with
 * a hard cap, whatever Content-Length claims.
 */
export async function downloadArtifact(
  github: GitHub,
  where: { owner: string; repo: string; artifact: RunArtifact; maxBytes: number },
): Promise<Buffer> {
  const { artifact, maxBytes } = where;
  if (artifact.expired)
    throw new UserError(`artifact "${artifact.name}" has expired and can no longer be downloaded`);
  if (artifact.sizeInBytes > maxBytes) throw tooLarge(artifact.name, maxBytes);
  let response;
  try {
    response = await github.request(
      "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}",
      {
        owner: where.owner,
        repo: where.repo,
        artifact_id: artifact.id,
        archive_format: "zip",
        request: { redirect: "manual", parseSuccessResponseBody: false },
      },
    );
  } catch (error) {
    if (error instanceof RequestError && error.status === 410) {
      throw new UserError(`artifact "${artifact.name}" has expired (410 Gone)`);
    }
    throw error;
  }
  const location = response.headers.location;
  if (location) {
    const download = await fetch(location, { redirect: "follow" });
    if (download.status === 410 || download.status === 404) {
      throw new UserError(`artifact "${artifact.name}" has expired (${download.status})`);
    }
    if (!download.ok) throw new Error(`artifact download failed with HTTP ${download.status}`);
    return readCapped(download.body, artifact.name, maxBytes);
  }
  return readCapped(response.data as ReadableStream<Uint8Array> | null, artifact.name, maxBytes);
}

async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  name: string,
  maxBytes: number,
): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(name, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(name: string, maxBytes: number): UserError {
  return new UserError(
    `artifact "${name}" is larger than the ${Math.round(maxBytes / 1048576)} MiB limit`,
  );
}
