package org.aisx.submission;

/** Failures of the submission workflow a user can cause; the web layer maps each to a status. */
public abstract sealed class SubmissionException extends RuntimeException
    permits SubmissionException.WrongState,
        SubmissionException.NotResubmittable,
        SubmissionException.NotAuthor,
        SubmissionException.UpToDate {

  SubmissionException(String message) {
    super(message);
  }

  public abstract String code();

  /** The submission is not in a state that allows this (e.g. deciding one already decided): 409. */
  public static final class WrongState extends SubmissionException {
    WrongState(String id, SubmissionState state, String wanted) {
      super("submission " + id + " is " + state.wire() + "; " + wanted);
    }

    @Override
    public String code() {
      return "wrong_state";
    }
  }

  /** A resubmission of a submission that has no changes requested (pending, decided): 409. */
  public static final class NotResubmittable extends SubmissionException {
    NotResubmittable(String id, SubmissionState state) {
      super(
          "submission "
              + id
              + " is "
              + state.wire()
              + "; only a submission with changes requested can be resubmitted");
    }

    @Override
    public String code() {
      return "not_resubmittable";
    }
  }

  /** Only the author of a submission may resubmit it: 403. */
  public static final class NotAuthor extends SubmissionException {
    NotAuthor(String id) {
      super("only the author of submission " + id + " may change it");
    }

    @Override
    public String code() {
      return "forbidden";
    }
  }

  /**
   * Bringing up to date a submission that already is: the record has not moved on since its base
   * revision (or it proposes no change of a record): 409.
   */
  public static final class UpToDate extends SubmissionException {
    UpToDate(String id) {
      super("submission " + id + " is based on the record's current revision already");
    }

    @Override
    public String code() {
      return "up_to_date";
    }
  }
}
