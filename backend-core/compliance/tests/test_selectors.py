import datetime

from compliance.models import DataSubjectRequest
from compliance.selectors import data_subject_request_list
from core.tenancy import clinic_context


def test_the_request_list_tells_which_have_a_result_without_loading_them(world, django_assert_num_queries):
    completed = DataSubjectRequest.unscoped.get(clinic=world.a.clinic)
    completed.pk = None
    completed.status, completed.result = DataSubjectRequest.Status.COMPLETED, {"format": "x"}
    completed.save()
    with clinic_context(world.a.clinic), django_assert_num_queries(1):
        rows = list(data_subject_request_list(today=datetime.date(2000, 1, 1)))
        assert [(row.status, row.has_result) for row in rows] == [("received", False), ("completed", True)]
        assert all("result" in row.get_deferred_fields() for row in rows)
        assert {row.patient.chart_number for row in rows} == {"HN000001"}
