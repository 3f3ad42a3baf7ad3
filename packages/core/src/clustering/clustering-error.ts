/** Input the clustering cannot work with (k larger than the data, a negative value under a log, …). */
export class ClusteringInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ClusteringInputError";
  }
}
